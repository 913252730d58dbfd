package dev.csrlab.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.csrlab.train.RunResult;
import dev.csrlab.train.RunResult.LayerPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.json codec (SPEC §5): the "runs" array with snake_case keys, and a mapper for the
 * analysis records. JSON has no NaN, so NaN (and ±∞) are written as null and null or a missing
 * number reads back as NaN; missing counters read as −1, missing lists as empty.
 */
public final class SummaryCodec {
  private static final ObjectMapper MAPPER = createMapper();
  private static final java.util.Set<String> NON_FINITE =
      java.util.Set.of("NaN", "nan", "Infinity", "-Infinity");

  private SummaryCodec() {}

  /** A mapper that writes non-finite doubles as null, for records such as StudyAnalysis. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Any record (StudyAnalysis, List&lt;Verdict&gt;) as a JSON tree with NaN written as null. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Reads the "runs" array of a summary.json file. */
  public static List<RunResult> readRuns(Path summaryJson) throws IOException {
    JsonNode root = readTree(summaryJson);
    try {
      return runsFromJson(root.path("runs"));
    } catch (IllegalArgumentException e) {
      throw new IOException(summaryJson + ": " + e.getMessage(), e);
    }
  }

  /** A summary.json file as a tree; not JSON, or not an object, is an IOException naming it. */
  public static JsonNode readTree(Path summaryJson) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(summaryJson));
    } catch (JsonProcessingException e) {
      throw new IOException(summaryJson + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(summaryJson + ": expected a JSON object with a \"runs\" array");
    }
    return root;
  }

  /** Parses a "runs" array; a missing node is an empty list. */
  public static List<RunResult> runsFromJson(JsonNode runs) {
    if (runs == null || runs.isMissingNode() || runs.isNull()) {
      return List.of();
    }
    if (!runs.isArray()) {
      throw new IllegalArgumentException("\"runs\" must be an array of run objects");
    }
    List<RunResult> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      try {
        out.add(runFromJson(runs.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("runs[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  public static ArrayNode runsToJson(List<RunResult> runs) {
    ArrayNode a = MAPPER.createArrayNode();
    runs.forEach(r -> a.add(runToJson(r)));
    return a;
  }

  public static ObjectNode runToJson(RunResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("variant", r.variant());
    o.put("method", r.method());
    o.put("seed", r.seed());
    o.put("status", r.status());
    o.put("widening_step", r.wideningStep());
    o.put("trigger", r.trigger());
    num(o, "shock", r.shock());
    num(o, "peak_shock", r.peakShock());
    num(o, "excess_loss_area", r.excessLossArea());
    num(o, "function_error", r.functionError());
    num(o, "function_kl", r.functionKl());
    o.put("recovery_steps", r.recoverySteps());
    o.put("recovered", r.recovered());
    num(o, "val_loss_at_n100", r.valLossAtN100());
    num(o, "val_loss_at_n500", r.valLossAtN500());
    num(o, "best_val_loss", r.bestValLoss());
    o.put("best_val_epoch", r.bestValEpoch());
    num(o, "final_test_accuracy", r.finalTestAccuracy());
    num(o, "final_test_loss", r.finalTestLoss());
    o.put("steps", r.steps());
    num(o, "train_flops", r.trainFlops());
    num(o, "seconds", r.seconds());
    if (r.pathSimilarity() == null) {
      o.putNull("path_similarity");
    } else {
      ArrayNode ps = o.putArray("path_similarity");
      for (LayerPath p : r.pathSimilarity()) {
        ObjectNode l = ps.addObject();
        l.put("hidden", p.hidden());
        num(l, "before", p.before());
        num(l, "after", p.after());
        num(l, "random", p.random());
      }
    }
    return o;
  }

  public static RunResult runFromJson(JsonNode o) {
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("a run must be a JSON object");
    }
    String variant = text(o, "variant");
    if (variant == null || variant.isBlank()) {
      throw new IllegalArgumentException("run has no \"variant\" name");
    }
    if (!o.path("seed").canConvertToLong()) {
      throw new IllegalArgumentException("run '" + variant + "' has no integer \"seed\"");
    }
    List<LayerPath> paths = new ArrayList<>();
    for (JsonNode l : o.path("path_similarity")) {
      paths.add(
          new LayerPath(
              (int) integer(l, "hidden", -1), dbl(l, "before"), dbl(l, "after"), dbl(l, "random")));
    }
    return new RunResult(
        variant,
        text(o, "method"),
        o.get("seed").asLong(),
        o.hasNonNull("status") ? text(o, "status") : "unknown",
        integer(o, "widening_step", -1),
        text(o, "trigger"),
        dbl(o, "shock"),
        dbl(o, "peak_shock"),
        dbl(o, "excess_loss_area"),
        dbl(o, "function_error"),
        dbl(o, "function_kl"),
        integer(o, "recovery_steps", -1),
        bool(o, "recovered"),
        dbl(o, "val_loss_at_n100"),
        dbl(o, "val_loss_at_n500"),
        dbl(o, "best_val_loss"),
        (int) integer(o, "best_val_epoch", -1),
        dbl(o, "final_test_accuracy"),
        dbl(o, "final_test_loss"),
        integer(o, "steps", 0),
        dbl(o, "train_flops"),
        dbl(o, "seconds"),
        List.copyOf(paths));
  }

  private static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static double dbl(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual() && NON_FINITE.contains(v.asText())) {
      return Double.NaN; // Jackson's default writer emits NaN/±Infinity as strings
    }
    throw new IllegalArgumentException("\"" + key + "\" must be a number or null, got " + v);
  }

  private static long integer(JsonNode o, String key, long missing) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      return missing;
    }
    if (!v.canConvertToLong() || !v.isNumber()) {
      throw new IllegalArgumentException("\"" + key + "\" must be an integer, got " + v);
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("\"" + key + "\" must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  private static ObjectMapper createMapper() {
    SimpleModule nanAsNull = new SimpleModule("nan-as-null");
    nanAsNull.addSerializer(Double.class, new FiniteOrNull());
    nanAsNull.addSerializer(Double.TYPE, new FiniteOrNull());
    return new ObjectMapper().registerModule(nanAsNull).enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** JSON has no NaN/∞ literals: write them as null rather than as strings. */
  private static final class FiniteOrNull extends StdSerializer<Double> {
    FiniteOrNull() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (v == null || !Double.isFinite(v)) {
        g.writeNull();
      } else {
        g.writeNumber(v);
      }
    }
  }
}
