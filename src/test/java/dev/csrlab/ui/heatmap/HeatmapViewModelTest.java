package dev.csrlab.ui.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.RunKey;
import dev.csrlab.ui.heatmap.HeatmapViewModel.Panel;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapViewModelTest {
  /** 3 units; order [2, 0, 1]; S[i][j] = 10·i + j so every cell is recognisable. */
  private static LayerWidening layer() {
    float[] s = new float[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        s[i * 3 + j] = 10 * i + j;
      }
    }
    return new LayerWidening(1, 3, 6, new int[] {2, 0, 1}, s, new double[] {0.1, 0.5, -0.7},
        1.0, 2.0, 0.5);
  }

  private static HeatmapViewModel vm(List<float[]> weights) {
    Session s = new Session(null);
    s.putWidening(new RunKey("continuous", 0),
        new WideningInfo(10, "step 10", 0.1, 0.2, List.of(layer()), weights));
    HeatmapViewModel vm = new HeatmapViewModel();
    List<HeatmapViewModel.Choice> choices = HeatmapViewModel.choices(s);
    assertEquals(1, choices.size());
    vm.selectedProperty().set(choices.get(0));
    return vm;
  }

  @Test
  void hoverBeforeShowsTrainedIndices() {
    HeatmapViewModel vm = vm(null);
    vm.hover(Panel.BEFORE, 1, 2);
    assertTrue(vm.hoverTextProperty().get().contains("row 1, column 2"));
    assertTrue(vm.hoverTextProperty().get().contains("+12.0000"), vm.hoverTextProperty().get());
    assertTrue(vm.hoverTextProperty().get().contains("units 1 ↔ 2"));
  }

  @Test
  void hoverAfterMapsPositionsThroughTheOrder() {
    HeatmapViewModel vm = vm(null);
    vm.hover(Panel.AFTER, 0, 2);
    // position 0 is unit 2, position 2 is unit 1: S[2][1] = 21.
    assertTrue(vm.hoverTextProperty().get().contains("+21.0000"), vm.hoverTextProperty().get());
    assertTrue(vm.hoverTextProperty().get().contains("units 2 ↔ 1"));
  }

  @Test
  void hoverOutsideClears() {
    HeatmapViewModel vm = vm(null);
    vm.hover(Panel.AFTER, 0, 0);
    vm.hover(Panel.AFTER, -1, -1);
    assertEquals("", vm.hoverTextProperty().get());
  }

  @Test
  void clickingAPositionSelectsTheOriginalUnitAndItsSortedNeighbours() {
    HeatmapViewModel vm = vm(null);
    vm.click(Panel.AFTER, 1);
    assertEquals(0, vm.selectedUnitProperty().get());
    assertEquals(List.of(2, 0, 1), vm.neighbourhood(1));
    assertEquals(1, vm.positionOf(Panel.AFTER, 0));
  }

  @Test
  void incomingWeightsAreShownOnlyWhenCarried() {
    assertNull(vm(null).incomingImage(0));
    float[] w = new float[3 * 784];
    w[784 + 5] = 0.25f;
    HeatmapViewModel vm = vm(List.of(w));
    assertEquals(0.25f, vm.incomingImage(1)[5]);
  }

  @Test
  void weightsComeFromTheSourceWhenTheEventHasNone() {
    HeatmapViewModel vm = vm(null);
    float[] w = new float[3 * 784];
    w[2 * 784] = -0.5f;
    int[] calls = {0};
    vm.setWeightsSource(c -> {
      calls[0]++;
      return w;
    });
    assertEquals(-0.5f, vm.incomingImage(2)[0]);
    vm.incomingImage(1);
    assertEquals(1, calls[0], "the checkpoint is read once per layer");
  }

  @Test
  void fiedlerIsPlottedInSortedOrder() {
    double[] f = vm(null).sortedFiedler();
    assertEquals(-0.7, f[0]);
    assertEquals(0.1, f[1]);
    assertEquals(0.5, f[2]);
  }

  @Test
  void pathSimilarityNumbersAreShown() {
    String t = vm(null).pathSimilarityText();
    assertTrue(t.contains("before 1.000") && t.contains("after 2.000")
        && t.contains("random 0.500"),
        t);
  }
}
