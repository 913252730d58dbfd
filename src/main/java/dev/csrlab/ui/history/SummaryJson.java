package dev.csrlab.ui.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csrlab.ui.session.Criterion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * summary.json (SPEC §5) for History: the tree, and criteria[] read leniently (verdict objects may
 * name their fields a little differently — History must open what an older or newer lab wrote). The
 * runs[] array is read by the engine's own {@code SummaryCodec}.
 */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> NAME_KEYS = Set.of("name", "criterion", "id", "claim");
  private static final Set<String> VERDICT_KEYS =
      Set.of("outcome", "holds", "verdict", "passed", "result");

  private SummaryJson() {}

  public static JsonNode readTree(Path file) throws IOException {
    return MAPPER.readTree(file.toFile());
  }

  public static List<Criterion> criteria(JsonNode root) {
    List<Criterion> out = new ArrayList<>();
    int i = 1;
    for (JsonNode c : root.path("criteria")) {
      String name = "criterion " + i++;
      Boolean holds = null;
      String outcome = null;
      String sentence = null;
      StringBuilder detail = new StringBuilder();
      Iterator<Map.Entry<String, JsonNode>> it = c.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (NAME_KEYS.contains(k) && v.isTextual()) {
          name = v.asText();
        } else if (VERDICT_KEYS.contains(k) && outcome == null && !v.isNull()) {
          holds = verdict(v);
          outcome = v.isTextual() ? v.asText() : null;
        } else if (k.equals("sentence") && v.isTextual()) {
          sentence = v.asText();
        } else if (!v.isContainerNode() && !k.equals("note")) {
          detail
              .append(detail.length() == 0 ? "" : ", ")
              .append(k)
              .append(" = ")
              .append(v.asText());
        }
      }
      out.add(
          new Criterion(
              name, holds, outcome, sentence != null ? sentence : detail.toString(), false));
    }
    return out;
  }

  private static Boolean verdict(JsonNode v) {
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    String t = v.asText().trim().toLowerCase();
    if (t.startsWith("hold") || t.equals("pass") || t.equals("passed") || t.equals("true")) {
      return true;
    }
    if (t.startsWith("fail") || t.equals("false")) {
      return false;
    }
    return null;
  }

  private static String text(JsonNode n, String k) {
    JsonNode v = n.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static double num(JsonNode n, String k) {
    JsonNode v = n.get(k);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    return v.isNumber() ? v.asDouble() : parseOrNaN(v.asText());
  }

  private static double parseOrNaN(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
