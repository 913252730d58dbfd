package dev.csrlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.function.Consumer;

/**
 * Chooses where tensors live (SPEC §4): a GPU when one exists and {@code auto} or {@code gpu} is
 * asked, else the CPU. Engine failures become one message that says what is missing.
 */
public final class ComputeDevice {
  private ComputeDevice() {}

  /**
   * Sets PyTorch's thread counts; effective only before the engine's first use in this JVM.
   *
   * @param threads intra-op threads, 0 = all cores
   */
  public static void configureThreads(int threads) {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /** Starts the PyTorch engine, or explains why it cannot start. */
  public static Engine engine() {
    try {
      return Engine.getEngine("PyTorch");
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      // Without its jars DJL looks for libtorch in DJL_CACHE_DIR, then wants to download it,
      // which offline mode forbids: its "Offline mode is enabled" alone would say nothing useful.
      throw new IllegalStateException(
          "The PyTorch engine could not start: its native library"
              + " (libtorch 2.7.1 for CPU) is missing or cannot be loaded ("
              + rootMessage(e)
              + "). CSR Lab needs DJL's native library jars on the class path"
              + " (pytorch-jni-2.7.1-0.36.0.jar and pytorch-native-cpu-2.7.1-linux-x86_64.jar in"
              + " target/lib or the installed app's lib folder) and a writable cache directory"
              + " (DJL_CACHE_DIR, default ~/.djl.ai) with ~450 MB free for the extracted libraries."
              + " Rebuild with 'mvn package' or reinstall.",
          e);
    }
  }

  /**
   * @param preference {@code auto}, {@code cpu} or {@code gpu}
   * @param log receives the visible notice when {@code auto} falls back to the CPU
   */
  public static Device choose(String preference, Consumer<String> log) {
    int gpus = engine().getGpuCount();
    switch (preference) {
      case "cpu":
        return Device.cpu();
      case "gpu":
        if (gpus == 0) {
          throw new IllegalStateException(
              "--device gpu was asked for, but PyTorch sees no GPU"
                  + " (CUDA libtorch not loaded or no NVIDIA driver). Use --device auto or cpu, or"
                  + " set PYTORCH_FLAVOR/PYTORCH_LIBRARY_PATH to a CUDA build of libtorch 2.7.1.");
        }
        return Device.gpu();
      case "auto":
        if (gpus > 0) {
          return Device.gpu();
        }
        log.accept(
            "device: no GPU found, training on the CPU ("
                + System.getProperty("ai.djl.pytorch.num_threads", "?")
                + " threads)");
        return Device.cpu();
      default:
        throw new IllegalArgumentException(
            "device '" + preference + "' is unknown; use auto," + " cpu or gpu");
    }
  }

  /** Human-readable description, e.g. "cpu (PyTorch 2.7.1, 2 threads)". */
  public static String describe(Device d) {
    String kind = d.isGpu() ? "gpu(" + d.getDeviceId() + ")" : "cpu";
    return kind
        + " (PyTorch "
        + engine().getVersion()
        + ", "
        + System.getProperty("ai.djl.pytorch.num_threads", "?")
        + " threads)";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\.+$", "");
    return t.getClass().getSimpleName() + ": " + m;
  }
}
