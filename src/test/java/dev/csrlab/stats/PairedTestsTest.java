package dev.csrlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedTestsTest {
  /*
   * Hand reference, d = [1, 2, 6] (n = 3, df = 2): mean 3, deviations −2, −1, 3, SS = 14,
   * s² = 14/2 = 7, s = √7 = 2.6457513, se = √(7/3) = 1.5275252, t = 3/se = 3·√(3/7) = 1.9639610.
   * For df = 2 the t CDF is closed-form: F(t) = ½ + t / (2·√(2 + t²)), so the two-sided
   * p = 1 − t/√(2 + t²) = 1 − √(27/41) = 0.18849733 (t² = 27/7, 2 + t² = 41/7).
   * Quantile: F(q) = P ⇒ q = a·√(2/(1 − a²)), a = 2P − 1; P = 0.975 ⇒ q = √(1.805/0.0975)
   * = 4.3026527, so the 95% CI is 3 ± 4.3026527·1.5275252 = 3 ± 6.5724100.
   * (scipy.stats.ttest_1samp([1,2,6], 0): t = 1.9639610121, p = 0.1884973288.)
   */
  @Test
  void pairedTTestMatchesHandComputedDf2Case() {
    PairedTests.TTest t = PairedTests.paired(new double[] {1, 2, 6}, 0.05);
    assertEquals(3, t.n());
    assertEquals(3.0, t.mean(), 1e-12);
    assertEquals(Math.sqrt(7), t.sd(), 1e-12);
    assertEquals(3 * Math.sqrt(3.0 / 7), t.t(), 1e-12);
    assertEquals(2.0, t.df());
    assertEquals(1 - Math.sqrt(27.0 / 41), t.p(), 1e-9);
    assertEquals(3 - 6.5724100, t.ciLow(), 1e-6);
    assertEquals(3 + 6.5724100, t.ciHigh(), 1e-6);
  }

  /* R: t.test(c(1,3,2,4,5)): mean 3, s² = 10/4, se = √0.5, t = 3√2 = 4.2426, df 4, p = 0.01324. */
  @Test
  void pairedTTestMatchesReferenceDf4Case() {
    PairedTests.TTest t = PairedTests.paired(new double[] {1, 3, 2, 4, 5}, 0.05);
    assertEquals(3 * Math.sqrt(2), t.t(), 1e-12);
    assertEquals(0.0132355996, t.p(), 1e-8);
  }

  @Test
  void describeGivesMeanSampleStdAndTInterval() {
    PairedTests.Sample s = PairedTests.describe(new double[] {1, 2, 6}, 0.05);
    assertEquals(3.0, s.mean(), 1e-12);
    assertEquals(Math.sqrt(7), s.sd(), 1e-12);
    assertEquals(3 - 6.5724100, s.ciLow(), 1e-6);
    assertEquals(3 + 6.5724100, s.ciHigh(), 1e-6);
  }

  @Test
  void oneValueHasNoVarianceAndNoTest() {
    PairedTests.TTest t = PairedTests.paired(new double[] {0.4}, 0.05);
    assertEquals(0.4, t.mean());
    assertTrue(Double.isNaN(t.sd()));
    assertTrue(Double.isNaN(t.p()));
    assertTrue(Double.isNaN(PairedTests.describe(new double[] {0.4}, 0.05).ciLow()));
  }

  @Test
  void identicalDifferencesAreDeterministic() {
    assertEquals(0.0, PairedTests.paired(new double[] {2, 2, 2}, 0.05).p());
    assertEquals(1.0, PairedTests.paired(new double[] {0, 0, 0}, 0.05).p());
  }

  /*
   * Non-inferiority, d = [1, 2, 6] pp, margin δ = 0.1: t = (3 + 0.1)/√(7/3) = 2.0294191,
   * one-sided p = ½ − t/(2√(2 + t²)) = 0.0897786 (scipy t.sf(2.0294, 2) = 0.08977862).
   * Lower 95% bound: 3 − t_{0.95,2}·se, t_{0.95,2} = 0.9·√(2/0.19) = 2.9199856 ⇒ −1.4603530.
   */
  @Test
  void nonInferiorityMatchesHandComputedCase() {
    PairedTests.NonInferiorityTest n =
        PairedTests.nonInferiority(new double[] {1, 2, 6}, 0.1, 0.05);
    double t = 3.1 / Math.sqrt(7.0 / 3);
    assertEquals(t, n.t(), 1e-12);
    assertEquals(0.5 - t / (2 * Math.sqrt(2 + t * t)), n.p(), 1e-9);
    assertEquals(0.0897786228, n.p(), 1e-8);
    assertEquals(3 - 2.9199856 * Math.sqrt(7.0 / 3), n.lowerBound(), 1e-6);
    assertEquals(1 - n.p(), n.pInferior(), 1e-12);
  }

  @Test
  void nonInferiorityPValueCrossesAlphaExactlyWhereLowerBoundCrossesMinusMargin() {
    double[] d = {-0.3, 0.1, 0.4, 0.2, -0.1};
    double lower = PairedTests.nonInferiority(d, 0.0, 0.05).lowerBound();
    double atBoundary = -lower;
    assertEquals(0.05, PairedTests.nonInferiority(d, atBoundary, 0.05).p(), 1e-9);
    PairedTests.NonInferiorityTest wider = PairedTests.nonInferiority(d, atBoundary + 1e-3, 0.05);
    PairedTests.NonInferiorityTest narrower =
        PairedTests.nonInferiority(d, atBoundary - 1e-3, 0.05);
    assertTrue(wider.p() < 0.05 && wider.lowerBound() > -wider.margin());
    assertTrue(narrower.p() > 0.05 && narrower.lowerBound() < -narrower.margin());
  }

  @Test
  void deterministicDifferencesAreJudgedAgainstTheMargin() {
    PairedTests.NonInferiorityTest inside =
        PairedTests.nonInferiority(new double[] {-0.25, -0.25, -0.25}, 0.5, 0.05);
    assertEquals(0.0, inside.p());
    assertEquals(1.0, inside.pInferior());
    PairedTests.NonInferiorityTest on =
        PairedTests.nonInferiority(new double[] {-0.5, -0.5, -0.5}, 0.5, 0.05);
    assertEquals(1.0, on.p());
    assertEquals(1.0, on.pInferior());
    PairedTests.NonInferiorityTest below =
        PairedTests.nonInferiority(new double[] {-1, -1, -1}, 0.5, 0.05);
    assertEquals(1.0, below.p());
    assertEquals(0.0, below.pInferior());
  }

  @Test
  void negativeMarginIsRejectedWithAClearMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PairedTests.nonInferiority(new double[] {1, 2}, -0.1, 0.05));
    assertTrue(e.getMessage().contains("margin"));
  }

  /* Exact sign test: 5–0 ⇒ 2·(½)⁵ = 0.0625; 6–0 ⇒ 0.03125; 3–2 ⇒ 2·(1+5+10)/32 ≥ 1 ⇒ 1. */
  @Test
  void signTestIsExactBinomial() {
    assertEquals(0.0625, PairedTests.signTest(5, 0), 1e-12);
    assertEquals(0.0625, PairedTests.signTest(0, 5), 1e-12);
    assertEquals(0.03125, PairedTests.signTest(6, 0), 1e-12);
    assertEquals(1.0, PairedTests.signTest(3, 2), 1e-12);
    assertEquals(1.0, PairedTests.signTest(0, 0), 1e-12);
  }

  /* MDE = (t_{.975,4} + t_{.80,4})·sd/√5 = (2.7764451 + 0.9409646)·1/√5 = 1.6625029. */
  @Test
  void minimumDetectableEffectUsesBothQuantiles() {
    assertEquals(
        (2.7764451 + 0.9409646) / Math.sqrt(5),
        PairedTests.minimumDetectable(5, 1.0, 0.05, 0.8),
        1e-6);
    assertTrue(Double.isNaN(PairedTests.minimumDetectable(1, 1.0, 0.05, 0.8)));
  }
}
