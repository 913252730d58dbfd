package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A silly config, by flag or JSON file, is rejected before any training: exit code 2, every problem
 * listed at once with how to fix it, and no run directory. Older saved configs still open.
 */
class ConfigRejectionTest {
  @TempDir Path tmp;

  static Stream<Arguments> singleProblems() {
    return Stream.of(
        Arguments.of(
            List.of("--target-widths", "64,64"),
            "targetWidths[0] = 64 is smaller than the source width 128"),
        Arguments.of(List.of("--widths", "0,128"), "widths[0] = 0 must be ≥ 1"),
        Arguments.of(List.of("--target-widths", "256,-4"), "targetWidths[1] = -4 must be ≥ 1"),
        Arguments.of(List.of("--expand-epoch", "0"), "outside 1 ≤ T ≤ E−1"),
        Arguments.of(List.of("--epochs", "3", "--expand-epoch", "3"), "outside 1 ≤ T ≤ E−1 = 2"),
        Arguments.of(List.of("--lr", "0"), "lr 0.0 must be a positive number"),
        Arguments.of(List.of("--lr", "-0.1"), "lr -0.1 must be a positive number"),
        Arguments.of(
            List.of("--train-subset", "100", "--batch-size", "128"),
            "batchSize 128 is larger than the training set (100 samples)"),
        Arguments.of(List.of("--protocols", "A,Q"), "unknown method 'Q'"),
        Arguments.of(List.of("--optimizer-state", "fancy"), "fancy"),
        Arguments.of(List.of("--learning-rate", "0.1"), "Unknown options: '--learning-rate'"),
        Arguments.of(List.of("--epochs", "ten"), "Invalid value for option '--epochs'"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("singleProblems")
  void eachSillyFlagIsRejectedBeforeTrainingWithExitCode2(List<String> flags, String expected) {
    Path out = tmp.resolve("runs");
    List<Object> args = new ArrayList<>(List.of("run", "--out", out));
    args.addAll(flags);

    Cli.Result r = Cli.run(args.toArray());

    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains(expected), "expected '" + expected + "' in:\n" + r.err());
    assertFalse(Files.exists(out), "no run directory");
  }

  @Test
  void everyProblemOfTheFlagsIsListedAtOnce() {
    Path out = tmp.resolve("runs");

    Cli.Result r =
        Cli.run(
            "run",
            "--out",
            out,
            "--widths",
            "128,0",
            "--target-widths",
            "64,64",
            "--epochs",
            "3",
            "--expand-epoch",
            "5",
            "--lr",
            "-1",
            "--batch-size",
            "100000",
            "--protocols",
            "A,X");

    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("invalid configuration (6 problems)"), r.err());
    for (String p :
        List.of(
            "unknown method 'X'",
            "targetWidths[0] = 64 is smaller",
            "widths[1] = 0 must be ≥ 1",
            "batchSize 100000 is larger than the training set",
            "lr -1.0 must be a positive number",
            "widening after epoch 5 is outside")) {
      assertTrue(r.err().contains(p), "'" + p + "' missing in:\n" + r.err());
    }
    assertFalse(Files.exists(out), "no run directory");
  }

  @Test
  void everyProblemOfAJsonFileIsListedAtOnceWithTheFileName() throws IOException {
    Path file = tmp.resolve("silly.json");
    Files.writeString(
        file,
        """
        {"schemaVersion": 1, "learningRate": 0.1, "lr": -1, "epochs": 3,
         "widening": {"kind": "epoch", "epoch": 5},
         "activation": "tanh",
         "variants": ["A", {"method": "continuous", "affinity": "bogus", "colour": "red"}]}
        """);
    Path out = tmp.resolve("runs");

    Cli.Result r = Cli.run("run", "--config", file, "--out", out);

    assertEquals(2, r.code(), r.all());
    for (String p :
        List.of(
            "unknown key 'learningRate'",
            "lr -1.0 must be a positive number",
            "widening after epoch 5 is outside",
            "unknown activation 'tanh'",
            "variants[1].affinity: unknown affinity 'bogus'",
            "unknown key 'colour' in variants[1]")) {
      assertTrue(r.err().contains(p), "'" + p + "' missing in:\n" + r.err());
    }
    assertTrue(r.err().contains("invalid configuration (6 problems)"), r.err());
    assertTrue(r.err().contains(file.toString()), "names the file:\n" + r.err());
    assertFalse(Files.exists(out), "no run directory");
  }

  @Test
  void malformedJsonIsRejectedWithItsLine() throws IOException {
    Path file = tmp.resolve("broken.json");
    Files.writeString(file, "{\n  \"lr\": 0.01,\n  \"epochs\": \n}\n");
    Path out = tmp.resolve("runs");

    Cli.Result r = Cli.run("run", "--config", file, "--out", out);

    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("malformed JSON") && r.err().contains("line 4"), r.err());
    assertTrue(r.err().contains(file.toString()), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aNewerSchemaVersionIsRejectedAskingForAnUpdate() throws IOException {
    Path file = tmp.resolve("future.json");
    Files.writeString(file, "{\"schemaVersion\": 2, \"lr\": 0.01, \"hyperdrive\": true}");
    Path out = tmp.resolve("runs");

    Cli.Result r = Cli.run("run", "--config", file, "--out", out);

    assertEquals(2, r.code(), r.all());
    assertTrue(
        r.err().contains("schemaVersion 2 is newer than this lab understands (1)")
            && r.err().contains("update CSR Lab"),
        r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMissingConfigFileIsNamed() {
    Path file = tmp.resolve("nowhere.json");
    Cli.Result r = Cli.run("run", "--config", file, "--out", tmp.resolve("runs"));

    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("cannot read config file " + file), r.err());
  }

  /** What an early schemaVersion 1 file looks like: no threads, windows, margin or checkpoints. */
  @Test
  void anOlderSavedConfigMissingNewerKeysOpensWithTheirDefaults() throws IOException {
    Path file = tmp.resolve("old.json");
    Files.writeString(
        file,
        """
        {"schemaVersion": 1, "name": "old-study", "dataset": "mnist",
         "widths": [64, 64], "targetWidths": [96, 96], "batchSize": 64, "lr": 0.002,
         "epochs": 6, "widening": {"kind": "epoch", "epoch": 2},
         "seeds": [0, 1], "variants": ["scratch", "net2net", "continuous"]}
        """);

    ExperimentConfig c = ConfigValidator.requireValid(ConfigJson.read(file));

    ExperimentConfig d = ExperimentConfig.defaults();
    assertEquals("old-study", c.name());
    assertEquals(List.of(96, 96), c.targetWidths());
    assertEquals(0.002, c.lr());
    assertEquals(2, c.widening().epoch());
    assertEquals(List.of(0L, 1L), c.seeds());
    assertEquals(d.fullValWindow(), c.fullValWindow());
    assertEquals(d.nonInferiorityMargin(), c.nonInferiorityMargin());
    assertEquals(d.threads(), c.threads());
    assertEquals(d.saveCheckpoints(), c.saveCheckpoints());
    assertEquals(d.valSubset(), c.valSubset());
    assertEquals(d.variants().get(2), c.variants().get(2), "variant options take defaults");
  }
}
