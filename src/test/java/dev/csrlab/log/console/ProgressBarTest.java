package dev.csrlab.log.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void lineFollowsTheTqdmLayout() {
    assertEquals(
        "continuous-seed0 ep 3/10  44%|████▍     | 211/469 [00:01<00:01, 412.3 it/s, loss=0.1234]",
        ProgressBar.line("continuous-seed0", 3, 10, 211, 469, 1.0, 412.3, 0.12341, true));
  }

  @Test
  void unknownRateShowsQuestionMarks() {
    assertEquals(
        "r ep 1/2   0%|          | 0/10 [00:00<?, ? it/s, loss=2.3026]",
        ProgressBar.line("r", 1, 2, 0, 10, 0.0, Double.NaN, 2.302585, true));
  }

  @Test
  void barFillsInEighthsOrInHashesWithoutUnicode() {
    assertEquals("██████████", ProgressBar.bar(1.0, true));
    assertEquals("█▌        ", ProgressBar.bar(0.15, true));
    assertEquals("#####     ", ProgressBar.bar(0.5, false));
    assertEquals("          ", ProgressBar.bar(-1, false));
  }

  @Test
  void clockShowsMinutesAndHours() {
    assertEquals("00:59", ProgressBar.clock(59.4));
    assertEquals("02:05", ProgressBar.clock(125));
    assertEquals("1:02:05", ProgressBar.clock(3725));
    assertEquals("?", ProgressBar.clock(Double.POSITIVE_INFINITY));
  }
}
