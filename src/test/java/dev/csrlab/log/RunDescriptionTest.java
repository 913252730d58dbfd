package dev.csrlab.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.TriggerSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunDescriptionTest {
  @Test
  void numbersAreCompactWithoutLosingSignificantDigits() {
    assertEquals("128", RunDescription.num(128));
    assertEquals("0.001", RunDescription.num(1e-3));
    assertEquals("1e-08", RunDescription.num(1e-8));
    assertEquals("0.123457", RunDescription.num(0.1234567));
    assertEquals("200000", RunDescription.num(199999.99));
    assertEquals("NaN", RunDescription.num(Double.NaN));
  }

  @Test
  void triggersReadAsTheyFire() {
    assertEquals("epoch 3", RunDescription.trigger(TriggerSpec.afterEpoch(3)));
    assertEquals("step 1200", RunDescription.trigger(TriggerSpec.atStep(1200)));
    assertEquals(
        "threshold 0.15 (fallback step 1400)",
        RunDescription.trigger(TriggerSpec.belowLoss(0.15, 1400)));
    assertEquals(
        "plateau delta 0.001 over 200 steps (fallback epoch E-1)",
        RunDescription.trigger(TriggerSpec.plateau(0.001, 200, 0)));
  }

  @Test
  void configMarkdownIsATableOfEveryConfigField() {
    String md =
        RunDescription.configMarkdown(
            Fixtures.runStarted(Fixtures.KEY, Path.of("runs", "x|y"), 391, 10));
    assertTrue(md.contains("| key | value |\n|---|---|\n"), md);
    for (String row :
        new String[] {
          "| batchSize | 128 |",
          "| lr | 0.001 |",
          "| targetWidths | 256, 256 |",
          "| widening | epoch 3 |",
          "| variants | scratch, net2net, continuous |",
          "| affinity | shift |",
          "| optimizerState | resample |",
          "| steps per epoch | 391 |",
          "| total steps | 3910 |"
        }) {
      assertTrue(md.contains(row), "missing " + row + " in\n" + md);
    }
    assertTrue(md.contains("x\\|y"), "pipes in values are escaped");
  }
}
