package dev.csrlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
  @TempDir Path dir;

  private static MlpWeights net() {
    return Initialisation.pytorchDefault(784, List.of(64, 32), 10, new SplittableRandom(3));
  }

  @Test
  void roundTripKeepsWeightsStateAndMetadata() throws IOException {
    MlpWeights w = net();
    OptimizerState s = OptimizerState.zeros(w);
    s.expAvg().layers().get(1).weight()[5] = 0.25f;
    s.weightSteps()[0] = 17;
    s.biasSteps()[2] = 4;
    Path f = dir.resolve("m.safetensors");
    Safetensors.write(f, w, s, Map.of("activation", "relu"));
    Safetensors.Checkpoint c = Safetensors.read(f);
    assertEquals(w, c.weights());
    assertEquals(0.25f, c.state().expAvg().layers().get(1).weight()[5]);
    assertArrayEquals(new long[] {17, 0, 0}, c.state().weightSteps());
    assertArrayEquals(new long[] {0, 0, 4}, c.state().biasSteps());
    assertEquals("relu", c.metadata().get("activation"));
    assertEquals("[64,32]", c.metadata().get("hidden_widths"));
  }

  /** An independent reading of the bytes: header JSON, offsets, little-endian float data. */
  @Test
  void fileFollowsTheSafetensorsLayoutWithPytorchNames() throws IOException {
    MlpWeights w = net();
    Path f = dir.resolve("w.safetensors");
    Safetensors.write(f, w, null, Map.of());
    byte[] all = Files.readAllBytes(f);
    long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, (8 + n) % 8, "data starts 8-byte aligned");
    JsonNode h = new ObjectMapper().readTree(new String(all, 8, (int) n, StandardCharsets.UTF_8));
    JsonNode w1 = h.get("layers.1.weight");
    assertEquals("F32", w1.get("dtype").asText());
    assertEquals(32, w1.get("shape").get(0).asInt());
    assertEquals(64, w1.get("shape").get(1).asInt());
    long begin = w1.get("data_offsets").get(0).asLong();
    long end = w1.get("data_offsets").get(1).asLong();
    assertEquals(4L * 32 * 64, end - begin);
    float first =
        ByteBuffer.wrap(all, (int) (8 + n + begin), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    assertEquals(w.layers().get(1).weight()[0], first);
    long total = 0;
    for (String k :
        List.of(
            "layers.0.weight",
            "layers.0.bias",
            "layers.1.weight",
            "layers.1.bias",
            "layers.2.weight",
            "layers.2.bias")) {
      JsonNode t = h.get(k);
      total += t.get("data_offsets").get(1).asLong() - t.get("data_offsets").get(0).asLong();
    }
    assertEquals(all.length - 8 - n, total, "data section is exactly the tensors");
    assertTrue(h.has("__metadata__"));
  }

  @Test
  void truncatedOrForeignFilesAreRejectedWithTheReason() throws IOException {
    Path f = dir.resolve("t.safetensors");
    Safetensors.write(f, net(), null, Map.of());
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 10));
    IOException e = assertThrows(IOException.class, () -> Safetensors.read(f));
    assertTrue(e.getMessage().contains("data_offsets"), e.getMessage());
    Files.write(f, new byte[] {1, 2, 3});
    e = assertThrows(IOException.class, () -> Safetensors.read(f));
    assertTrue(e.getMessage().contains("8-byte"), e.getMessage());
  }
}
