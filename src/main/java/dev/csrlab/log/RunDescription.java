package dev.csrlab.log;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.Options.HasId;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.RunStarted;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Human-readable descriptions of a run for the logs: the configuration as a Markdown table
 * (TensorBoard's text plugin renders it), the hparams of the TensorBoard hparams dashboard, and
 * short forms of widths and triggers for the console.
 */
public final class RunDescription {
  private RunDescription() {}

  /** "128,128". */
  public static String widths(List<Integer> widths) {
    return widths.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** One-line trigger description, e.g. "epoch 3" or "threshold 0.15 (fallback step 1400)". */
  public static String trigger(TriggerSpec t) {
    String fallback = t.latestStep() > 0 ? "step " + t.latestStep() : "epoch E-1";
    return switch (t.kind()) {
      case EPOCH -> "epoch " + t.epoch();
      case STEP -> "step " + t.step();
      case THRESHOLD -> "threshold " + num(t.threshold()) + " (fallback " + fallback + ")";
      case PLATEAU ->
          "plateau delta "
              + num(t.plateauDelta())
              + " over "
              + t.plateauSteps()
              + " steps (fallback "
              + fallback
              + ")";
    };
  }

  /**
   * The hparams of one run (SPEC §5 variant options plus the shared training settings). Keys are
   * stable so the hparams dashboard can compare runs of different experiments.
   */
  public static Map<String, Object> hparams(RunStarted e) {
    ExperimentConfig c = e.config();
    VariantSpec v = e.variant();
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("variant", v.name());
    h.put("method", v.method().id());
    h.put("dataset", c.dataset());
    h.put("widths", widths(c.widths()));
    h.put("target_widths", widths(c.targetWidths()));
    h.put("lr", c.lr());
    h.put("batch_size", c.batchSize());
    h.put("weight_decay", c.weightDecay());
    h.put("epochs", c.epochs());
    h.put("seed", e.key().seed());
    h.put("trigger_kind", c.widening().kind().id());
    h.put("trigger", trigger(c.widening()));
    h.put("optimizer_state", v.optimizerState().id());
    h.put("affinity", v.affinity().id());
    h.put("features", v.features().id());
    h.put("ordering", v.ordering().id());
    h.put("kernel", v.kernel().id());
    h.put("energy", v.energy().id());
    h.put("noise", v.noise());
    h.put("activation", c.activation().id());
    return h;
  }

  /** The run, its variant and the whole experiment configuration as Markdown tables. */
  public static String configMarkdown(RunStarted e) {
    StringBuilder md = new StringBuilder();
    md.append("### Run ").append(e.key().dirName()).append("\n\n");
    List<String[]> run = new ArrayList<>();
    run.add(new String[] {"device", e.device()});
    run.add(new String[] {"total steps", String.valueOf(e.totalSteps())});
    run.add(new String[] {"steps per epoch", String.valueOf(e.stepsPerEpoch())});
    run.add(new String[] {"start widths", widths(e.startWidths())});
    run.add(new String[] {"run directory", String.valueOf(e.runDir())});
    table(md, run);
    md.append("\n### Variant\n\n");
    table(md, recordRows(e.variant()));
    md.append("\n### Experiment configuration\n\n");
    table(md, recordRows(e.config()));
    return md.toString();
  }

  private static List<String[]> recordRows(Record r) {
    List<String[]> rows = new ArrayList<>();
    for (RecordComponent rc : r.getClass().getRecordComponents()) {
      try {
        rows.add(new String[] {rc.getName(), format(rc.getAccessor().invoke(r))});
      } catch (IllegalAccessException | InvocationTargetException ex) {
        rows.add(new String[] {rc.getName(), "(unreadable: " + ex + ")"});
      }
    }
    return rows;
  }

  private static void table(StringBuilder md, List<String[]> rows) {
    md.append("| key | value |\n|---|---|\n");
    for (String[] row : rows) {
      md.append("| ").append(cell(row[0])).append(" | ").append(cell(row[1])).append(" |\n");
    }
  }

  /** Markdown-safe table cell: pipes escaped, line breaks flattened. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  static String format(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof TriggerSpec t) {
      return trigger(t);
    }
    if (v instanceof VariantSpec s) {
      return s.name();
    }
    if (v instanceof HasId h) {
      return h.id();
    }
    if (v instanceof Method m) {
      return m.id();
    }
    if (v instanceof Double d) {
      return num(d);
    }
    if (v instanceof List<?> list) {
      return list.stream().map(RunDescription::format).collect(Collectors.joining(", "));
    }
    return String.valueOf(v);
  }

  /** Compact number: integers without ".0", others with up to 6 significant digits. */
  public static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    String g = String.format(Locale.ROOT, "%.6g", d);
    int e = g.indexOf('e');
    String mantissa = e < 0 ? g : g.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("\\.?0+$", "");
    }
    return e < 0 ? mantissa : mantissa + g.substring(e);
  }
}
