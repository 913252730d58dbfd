package dev.csrlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.TriggerSpec;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real-MNIST run of A, B and C through the whole engine (issue 2 "Done when"). */
class RealMnistExperimentTest {
  @TempDir static Path out;
  static ExperimentOutcome outcome;
  static JsonNode summary;

  /** 2,048 training samples, batch 128: 16 steps per epoch, widening after epoch 1 (step 16). */
  static ExperimentConfig tinyConfig(Path out) {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "it";
    b.trainSubset = 2048;
    b.epochs = 2;
    b.widening = TriggerSpec.afterEpoch(1);
    b.valSubset = 256;
    b.peakWindow = 8;
    b.threads = 1;
    b.saveCheckpoints = true;
    b.out = out.toString();
    b.variants = List.of(VariantSpec.of(Method.SCRATCH), VariantSpec.of(Method.NET2NET),
        VariantSpec.of(Method.CONTINUOUS));
    return b.build();
  }

  @BeforeAll
  static void runOnce() throws Exception {
    outcome = new ExperimentRunner(tinyConfig(out), List.of(), msg -> { }).execute(
        new CancelToken());
    summary = new ObjectMapper().readTree(outcome.directory().resolve("summary.json").toFile());
  }

  @Test
  void everyRunCompletesAndIsSummarised() {
    assertEquals(3, outcome.runs().size());
    assertTrue(outcome.runs().stream().allMatch(r -> r.status() == RunStatus.COMPLETED));
    assertEquals(3, summary.get("runs").size());
    for (JsonNode r : summary.get("runs")) {
      assertEquals("completed", r.get("status").asText());
      double acc = r.get("final_test_accuracy").asDouble();
      assertTrue(acc > 0.5 && acc <= 1.0, "test accuracy " + acc);
    }
  }

  @Test
  void widenedRunsReportEveryWideningMetric() {
    for (JsonNode r : summary.get("runs")) {
      if (r.get("method").asText().equals("scratch")) {
        continue;
      }
      assertEquals(16, r.get("widening_step").asLong());
      for (String k : List.of("shock", "peak_shock", "excess_loss_area", "function_error",
          "function_kl")) {
        assertTrue(r.get(k).isNumber(), k + " missing in " + r);
      }
      assertEquals(2, r.get("path_similarity").size());
    }
  }

  @Test
  void net2netIsNearlyFunctionPreserving() {
    JsonNode b = run("net2net");
    assertTrue(Math.abs(b.get("shock").asDouble()) < 0.01, "Net2Net shock " + b.get("shock"));
    JsonNode c = run("continuous");
    assertTrue(c.get("function_error").asDouble() > b.get("function_error").asDouble(),
        "resampling with c = n/m changes the function more than Net2Net's noise does");
  }

  @Test
  void widenedRunsCarryTheSharedPrefixFromStepOne() throws Exception {
    for (String v : List.of("scratch", "net2net", "continuous")) {
      Path csv = outcome.directory().resolve(v + "-seed0").resolve("metrics.csv");
      List<String> lines = Files.readAllLines(csv);
      assertEquals("step,epoch,train_loss,val_loss,val_acc,lr,phase", lines.get(0));
      assertEquals(33, lines.size(), v + ": header + 32 steps");
      assertTrue(lines.get(1).startsWith("1,1,"));
    }
    List<String> b = Files.readAllLines(outcome.directory().resolve("net2net-seed0/metrics.csv"));
    List<String> c = Files.readAllLines(
        outcome.directory().resolve("continuous-seed0/metrics.csv"));
    assertEquals(b.subList(0, 17), c.subList(0, 17), "B and C share the small model bit for bit");
    assertFalse(b.get(17).equals(c.get(17)), "after widening they differ");
  }

  @Test
  void eachRunHasAnEventFile() throws Exception {
    for (String v : List.of("scratch", "net2net", "continuous")) {
      try (Stream<Path> files = Files.list(outcome.directory().resolve(v + "-seed0"))) {
        assertTrue(files.anyMatch(p -> p.getFileName().toString()
            .startsWith("events.out.tfevents.")), v);
      }
    }
  }

  @Test
  void checkpointsAroundWideningReloadWithTheRightWidths() throws Exception {
    Path dir = outcome.directory().resolve("continuous-seed0");
    var before = dev.csrlab.nn.Safetensors.read(dir.resolve("checkpoint-before-step16.safetensors"));
    var after = dev.csrlab.nn.Safetensors.read(dir.resolve("checkpoint-after-step16.safetensors"));
    assertEquals(List.of(128, 128), before.weights().hiddenWidths());
    assertEquals(List.of(256, 256), after.weights().hiddenWidths());
    assertEquals(16, before.state().weightSteps()[0], "AdamW step count saved with the moments");
  }

  private static JsonNode run(String variant) {
    for (JsonNode r : summary.get("runs")) {
      if (r.get("variant").asText().equals(variant)) {
        return r;
      }
    }
    throw new AssertionError("no run " + variant);
  }
}
