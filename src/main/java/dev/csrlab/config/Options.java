package dev.csrlab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The option enums of a widening variant (SPEC §1.2–1.3, §1.5). Each serialises to its id. */
public final class Options {
  private Options() {}

  /** Finds an enum constant by its JSON id, with an error that lists the valid ids. */
  static <E extends Enum<E> & HasId> E parse(Class<E> type, String option, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.id().equalsIgnoreCase(text.trim())) {
        return e;
      }
    }
    String known =
        Arrays.stream(type.getEnumConstants()).map(HasId::id).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unknown " + option + " '" + text + "'; choose one of: " + known);
  }

  /** An option with a stable textual id. */
  public interface HasId {
    String id();
  }

  /** Turns cosine similarity S into non-negative graph weights (SPEC §1.2 Decision). */
  public enum Affinity implements HasId {
    SHIFT("shift"),
    CLAMP("clamp"),
    ABS("abs");
    private final String id;

    Affinity(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static Affinity of(String s) {
      return parse(Affinity.class, "affinity", s);
    }
  }

  /** Which vector describes a hidden unit for seriation. */
  public enum Features implements HasId {
    IN("in"),
    IN_BIAS("in+bias"),
    IN_BIAS_OUT("in+bias+out");
    private final String id;

    Features(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static Features of(String s) {
      return parse(Features.class, "features", s);
    }
  }

  /** How the unit order is chosen before resampling. */
  public enum Ordering implements HasId {
    FIEDLER("fiedler"),
    GREEDY("greedy"),
    TWO_OPT("2opt"),
    IDENTITY("identity"),
    RANDOM("random");
    private final String id;

    Ordering(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static Ordering of(String s) {
      return parse(Ordering.class, "order", s);
    }
  }

  /** Outgoing-weight correction after resampling (SPEC §1.2 step 3). */
  public enum Energy implements HasId {
    RATIO("ratio"),
    PINV("pinv"),
    FITTED("fitted"),
    NONE("none");
    private final String id;

    Energy(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static Energy of(String s) {
      return parse(Energy.class, "energy", s);
    }
  }

  /** Interpolation kernel along the sorted unit axis. */
  public enum Kernel implements HasId {
    LINEAR("linear"),
    NEAREST("nearest");
    private final String id;

    Kernel(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static Kernel of(String s) {
      return parse(Kernel.class, "kernel", s);
    }
  }

  /** AdamW moments across widening (SPEC §1.3). */
  public enum OptimizerPolicy implements HasId {
    RESAMPLE("resample"),
    CONSISTENT("consistent"),
    RESET("reset");
    private final String id;

    OptimizerPolicy(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static OptimizerPolicy of(String s) {
      return parse(OptimizerPolicy.class, "optimizerState", s);
    }
  }

  /** Hidden-layer non-linearity. */
  public enum Activation implements HasId {
    RELU("relu"),
    GELU("gelu"),
    SILU("silu");
    private final String id;

    Activation(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static Activation of(String s) {
      return parse(Activation.class, "activation", s);
    }
  }

  /** When the widening step N is chosen (SPEC §1.4). */
  public enum TriggerKind implements HasId {
    EPOCH("epoch"),
    STEP("step"),
    THRESHOLD("threshold"),
    PLATEAU("plateau");
    private final String id;

    TriggerKind(String id) {
      this.id = id;
    }

    @Override
    @JsonValue
    public String id() {
      return id;
    }

    @JsonCreator
    public static TriggerKind of(String s) {
      return parse(TriggerKind.class, "trigger", s);
    }
  }
}
