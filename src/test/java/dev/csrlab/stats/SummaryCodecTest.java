package dev.csrlab.stats;

import static dev.csrlab.stats.RunFixtures.abc;
import static dev.csrlab.stats.RunFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csrlab.train.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCodecTest {
  @TempDir Path dir;

  @Test
  void runsRoundTripThroughSnakeCaseJsonWithNanAsNull() throws IOException {
    List<RunResult> runs = abc(2, 0.12, 0.978, 0.976, 0.977, 0.001);
    ObjectNode root = SummaryCodec.mapper().createObjectNode();
    root.put("schemaVersion", 1);
    root.set("runs", SummaryCodec.runsToJson(runs));
    String text = SummaryCodec.mapper().writeValueAsString(root);
    assertTrue(text.contains("\"val_loss_at_n100\""));
    assertTrue(text.contains("\"shock\" : null"), "scratch's NaN shock is written as null");
    assertTrue(!text.contains("NaN"));
    Path file = dir.resolve("summary.json");
    Files.writeString(file, text);
    List<RunResult> back = SummaryCodec.readRuns(file);
    assertEquals(runs.size(), back.size());
    for (int i = 0; i < runs.size(); i++) {
      assertEquals(runs.get(i).toString(), back.get(i).toString());
    }
  }

  @Test
  void missingOptionalKeysReadAsNanAndMinusOne() {
    RunResult r =
        SummaryCodec.runFromJson(
            SummaryCodec.toTree(java.util.Map.of("variant", "continuous", "seed", 3)));
    assertEquals(3, r.seed());
    assertTrue(Double.isNaN(r.shock()));
    assertEquals(-1, r.recoverySteps());
    assertEquals("unknown", r.status());
    assertTrue(r.pathSimilarity().isEmpty());
  }

  @Test
  void jacksonDefaultNanStringsReadAsNan() {
    RunResult r =
        SummaryCodec.runFromJson(
            SummaryCodec.toTree(
                java.util.Map.of(
                    "variant", "scratch", "seed", 0, "shock", "NaN", "peak_shock", "-Infinity")));
    assertTrue(Double.isNaN(r.shock()) && Double.isNaN(r.peakShock()));
  }

  @Test
  void badRunNamesItsIndexAndKey() throws IOException {
    Path file = dir.resolve("summary.json");
    Files.writeString(
        file,
        "{\"runs\":[{\"variant\":\"a\",\"seed\":0},"
            + "{\"variant\":\"b\",\"seed\":1,\"shock\":\"high\"}]}");
    IOException e = assertThrows(IOException.class, () -> SummaryCodec.readRuns(file));
    assertTrue(e.getMessage().contains("runs[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("\"shock\" must be a number"), e.getMessage());
  }

  @Test
  void analysisSerialisesWithSnakeCaseKeysAndNullForNan() {
    StudyAnalysis a =
        StudyAnalyzer.analyze(
            abc(1, 0.12, 0.978, 0.976, 0.977, 0.0),
            config(List.of(0L), "scratch", "net2net", "continuous"));
    JsonNode t = SummaryCodec.toTree(a);
    assertEquals(0.1, t.get("non_inferiority_margin_pp").asDouble(), 1e-12);
    JsonNode cmp = t.get("comparisons").get(0);
    assertEquals(1, cmp.get("n_pairs").asInt());
    assertTrue(cmp.get("p").isNull(), "one seed: p is NaN, written as null");
    assertTrue(cmp.has("p_holm") && cmp.has("ci_low") && cmp.has("mean_diff"));
    assertEquals("shock", cmp.get("metric").asText());
    JsonNode verdict = SummaryCodec.toTree(a.verdicts()).get(0);
    assertEquals("not distinguishable", verdict.get("outcome").asText());
    assertTrue(verdict.get("numbers").get("p").isNull());
    assertTrue(t.get("variants").get(0).get("metrics").get(0).has("ci_high"));
  }
}
