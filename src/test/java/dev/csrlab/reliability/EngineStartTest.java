package dev.csrlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import dev.csrlab.train.ComputeDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compute engine: a missing native library is named with what to do; {@code --device auto}
 * without a GPU trains on the CPU and says so; {@code --device gpu} without one is a clear error.
 */
class EngineStartTest {
  @TempDir Path tmp;

  @Test
  void missingNativeLibraryIsNamedWithWhatToDo() throws Exception {
    Path cache = Files.createDirectories(tmp.resolve("empty-djl-cache"));
    Path out = tmp.resolve("runs");
    ProcessBuilder pb =
        Cli.childJvm(
            e -> !e.contains("pytorch-native-cpu") && !e.contains("pytorch-jni"),
            "run",
            "--train-subset",
            256,
            "--epochs",
            2,
            "--expand-epoch",
            1,
            "--out",
            out);
    pb.environment().put("DJL_CACHE_DIR", cache.toString());
    pb.environment().remove("PYTORCH_LIBRARY_PATH");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);

    assertNotEquals(0, p.exitValue(), output);
    assertTrue(
        output.contains("native library")
            && output.contains("pytorch-native-cpu")
            && output.contains("pytorch-jni"),
        "names what is missing: " + output);
    assertTrue(
        output.contains("mvn package") && output.contains("DJL_CACHE_DIR"),
        "says what to do: " + output);
    assertFalse(output.contains("\tat "), "a message, not a stack trace: " + output);
    assertFalse(Files.exists(out), "no experiment directory");
  }

  @Test
  void autoDeviceWithoutAGpuTrainsOnTheCpuWithAVisibleNotice() {
    List<String> log = new ArrayList<>();
    int gpus = ComputeDevice.engine().getGpuCount();

    Device d = ComputeDevice.choose("auto", log::add);

    if (gpus == 0) {
      assertEquals(Device.cpu(), d);
      assertTrue(
          log.stream().anyMatch(l -> l.contains("no GPU found, training on the CPU")),
          log.toString());
    } else {
      assertTrue(d.isGpu(), "auto takes the GPU when there is one");
    }
  }

  @Test
  void gpuDeviceWithoutAGpuIsAClearErrorBeforeAnyRunDirectory() {
    assumeTrue(ComputeDevice.engine().getGpuCount() == 0, "this machine has a GPU");
    Path out = tmp.resolve("runs");

    Cli.Result r = Cli.run(Cli.with(Cli.tinyRun(out), "--device", "gpu"));

    assertEquals(2, r.code(), r.all());
    assertTrue(
        r.err().contains("--device gpu was asked for, but PyTorch sees no GPU")
            && r.err().contains("--device auto or cpu"),
        r.err());
    assertFalse(Files.exists(out), "no experiment directory");
  }
}
