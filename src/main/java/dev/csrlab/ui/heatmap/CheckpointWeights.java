package dev.csrlab.ui.heatmap;

import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Incoming weights of a widened layer, read from the small-model checkpoint the runner saves
 * right before widening ({@code checkpoint-before-step<N>.safetensors}, config saveCheckpoints).
 * The WideningEvent carries no weights; this is the read-only route to them for the unit strip.
 */
public final class CheckpointWeights {
  private CheckpointWeights() {}

  /** The checkpoint file of the model seriated at step N. */
  public static Path beforeFile(Path runDir, long step) {
    return runDir.resolve("checkpoint-before-step" + step + ".safetensors");
  }

  /**
   * Layer {@code hidden}'s incoming weights, row-major [unit][input] in the trained order, or null
   * when the run saved no checkpoint (or it is unreadable: the strip then says how to get one).
   */
  public static float[] incoming(Path runDir, long step, int hidden) {
    if (runDir == null) {
      return null;
    }
    Path file = beforeFile(runDir, step);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      var layers = Safetensors.read(file).weights().layers();
      if (hidden < 1 || hidden > layers.size()) {
        return null;
      }
      DenseLayer l = layers.get(hidden - 1);
      return l.weight();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
