package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.data.DatasetStore;
import dev.csrlab.experiment.ExperimentDirectory;
import dev.csrlab.experiment.ExperimentRunner;
import dev.csrlab.nn.Initialisation;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import dev.csrlab.nn.Safetensors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files from elsewhere are data, never code or paths to anywhere: configs and checkpoints are read
 * without polymorphic typing, and paths and names from a config stay where they are meant to be.
 * (Archive extraction and checksums before use are tested in {@code dev.csrlab.data}.)
 */
class SafetyTest {
  @TempDir Path tmp;

  @Test
  void typeKeysInAConfigAreRejectedAsUnknownKeysNeverInstantiated() {
    String json =
        """
        {"@class": "java.lang.ProcessBuilder", "@type": "java.net.URL",
         "widening": {"kind": "epoch", "epoch": 3, "@class": "java.lang.Runtime"},
         "variants": [{"method": "continuous", "@c": ".ProcessBuilder"}]}
        """;

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigJson.parse(json));

    List<String> p = e.problems();
    assertEquals(4, p.size(), p.toString());
    for (String key :
        List.of("'@class';", "'@type'", "'@class' in widening", "'@c' in variants[0]")) {
      assertTrue(p.stream().anyMatch(s -> s.startsWith("unknown key " + key)), key + " in " + p);
    }
  }

  @Test
  void checkpointHeadersAreReadAsDataAndBadOnesNameTheFile() throws IOException {
    MlpWeights w = Initialisation.pytorchDefault(4, List.of(3), 2, new SplittableRandom(1));
    Path good = tmp.resolve("good.safetensors");
    Safetensors.write(good, w, OptimizerState.zeros(w), Map.of());

    Path typed =
        tamper(
            good,
            "typed.safetensors",
            h -> h.putObject("@class").put("dtype", "java.lang.ProcessBuilder"));
    IOException e1 = assertThrows(IOException.class, () -> Safetensors.read(typed));
    assertTrue(
        e1.getMessage().contains(typed.toString()) && e1.getMessage().contains("only F32"),
        e1.getMessage());

    Path badSteps =
        tamper(
            good,
            "steps.safetensors",
            h -> ((ObjectNode) h.get("__metadata__")).put("weight_steps", "7,x"));
    IOException e2 = assertThrows(IOException.class, () -> Safetensors.read(badSteps));
    assertTrue(
        e2.getMessage().contains(badSteps.toString()) && e2.getMessage().contains("weight_steps"),
        e2.getMessage());
  }

  @Test
  void anOutFolderWithDotDotSegmentsResolvesToANormalisedAbsolutePath() throws IOException {
    assertEquals(tmp.resolve("b/c"), ExperimentRunner.outputRoot(tmp + "/a/../b/./c"));
    assertEquals(
        Path.of("").toAbsolutePath().resolve("x"), ExperimentRunner.outputRoot("runs/../x"));
    assertEquals(
        Path.of(System.getProperty("user.home"), "y"), ExperimentRunner.outputRoot("~/x/../y"));

    Path dir =
        ExperimentDirectory.create(
            ExperimentRunner.outputRoot(tmp + "/a/../b"),
            "study",
            LocalDateTime.of(2026, 1, 2, 3, 4, 5));

    assertEquals(tmp.resolve("b/20260102-030405-study"), dir);
    assertFalse(Files.exists(tmp.resolve("a")), "the '..' segment created nothing");
  }

  @Test
  void aDataDirWithDotDotSegmentsIsNormalised() {
    assertEquals(tmp.resolve("data"), DatasetStore.resolveCacheRoot(tmp + "/x/../data"));
  }

  @Test
  void namesThatWouldLeaveTheExperimentFolderAreRejected() {
    ExperimentConfig.Builder b = ExperimentConfig.defaults().toBuilder();
    b.name = "../../etc";
    b.variants =
        List.of(
            VariantSpec.of(Method.SCRATCH).withName("../escape"),
            VariantSpec.of(Method.NET2NET).withName("a/b"));

    List<String> p = ConfigValidator.problems(b.build());

    assertTrue(p.stream().anyMatch(s -> s.startsWith("name '../../etc'")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("variant name '../escape'")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith("variant name 'a/b'")), p.toString());
  }

  /** A copy of a safetensors file with its JSON header edited (data offsets unchanged). */
  private Path tamper(Path source, String name, Consumer<ObjectNode> edit) throws IOException {
    byte[] all = Files.readAllBytes(source);
    int n = (int) ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = (ObjectNode) json.readTree(new String(all, 8, n, StandardCharsets.UTF_8));
    edit.accept(header);
    byte[] h = json.writeValueAsBytes(header);
    ByteBuffer out =
        ByteBuffer.allocate(8 + h.length + all.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(h.length).put(h).put(all, 8 + n, all.length - 8 - n);
    return Files.write(tmp.resolve(name), out.array());
  }
}
