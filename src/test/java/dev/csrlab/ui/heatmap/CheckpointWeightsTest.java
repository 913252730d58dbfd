package dev.csrlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.csrlab.nn.DenseLayer;
import dev.csrlab.nn.MlpWeights;
import dev.csrlab.nn.OptimizerState;
import dev.csrlab.nn.Safetensors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointWeightsTest {
  private static DenseLayer layer(int out, int in, float base) {
    float[] w = new float[out * in];
    for (int i = 0; i < w.length; i++) {
      w[i] = base + i * 1e-3f;
    }
    return new DenseLayer(out, in, w, new float[out]);
  }

  @Test
  void readsTheFirstLayersIncomingRowsFromTheBeforeCheckpoint(@TempDir Path run) throws Exception {
    MlpWeights w = new MlpWeights(List.of(layer(3, 784, 0.5f), layer(2, 3, -1f), layer(10, 2, 2f)));
    Safetensors.write(CheckpointWeights.beforeFile(run, 47), w, OptimizerState.zeros(w),
        Map.of("step", "47"));
    assertArrayEquals(w.layers().get(0).weight(), CheckpointWeights.incoming(run, 47, 1));
    assertArrayEquals(w.layers().get(1).weight(), CheckpointWeights.incoming(run, 47, 2));
  }

  @Test
  void noCheckpointMeansNoWeights(@TempDir Path run) {
    assertNull(CheckpointWeights.incoming(run, 47, 1));
    assertNull(CheckpointWeights.incoming(null, 47, 1));
  }
}
