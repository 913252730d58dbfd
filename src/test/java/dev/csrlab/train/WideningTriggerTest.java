package dev.csrlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.TriggerSpec;
import org.junit.jupiter.api.Test;

class WideningTriggerTest {
  /** Steps until the trigger fires for a loss curve {@code loss(step)}. */
  private static long firstFiring(WideningTrigger t, java.util.function.LongToDoubleFunction loss,
      StringBuilder why) {
    for (long s = 1; s <= 100_000; s++) {
      String fired = t.check(s, loss.applyAsDouble(s));
      if (fired != null) {
        why.append(fired);
        return s;
      }
    }
    throw new AssertionError("never fired");
  }

  @Test
  void afterEpochFiresAtTheEpochsLastStep() {
    WideningTrigger t = new WideningTrigger(TriggerSpec.afterEpoch(3), 391, 10);
    StringBuilder why = new StringBuilder();
    assertEquals(1173, firstFiring(t, s -> 1.0, why));
    assertTrue(why.toString().startsWith("epoch 3"), why.toString());
  }

  @Test
  void atStepFiresAtThatStep() {
    WideningTrigger t = new WideningTrigger(TriggerSpec.atStep(250), 391, 10);
    assertEquals(250, firstFiring(t, s -> 1.0, new StringBuilder()));
  }

  @Test
  void thresholdFiresWhenValidationLossFirstDropsBelow() {
    WideningTrigger t = new WideningTrigger(TriggerSpec.belowLoss(0.5, 0), 100, 10);
    StringBuilder why = new StringBuilder();
    assertEquals(51, firstFiring(t, s -> 1.0 - s / 100.0, why));
    assertTrue(why.toString().startsWith("threshold"), why.toString());
  }

  @Test
  void thresholdNeverReachedFallsBackToTheLatestStep() {
    WideningTrigger t = new WideningTrigger(TriggerSpec.belowLoss(0.01, 0), 100, 10);
    StringBuilder why = new StringBuilder();
    assertEquals(900, firstFiring(t, s -> 1.0, why), "default fallback: after epoch E−1");
    assertTrue(why.toString().startsWith("fallback"), why.toString());
    WideningTrigger explicit = new WideningTrigger(TriggerSpec.belowLoss(0.01, 321), 100, 10);
    assertEquals(321, firstFiring(explicit, s -> 1.0, new StringBuilder()));
  }

  @Test
  void plateauFiresOnceTheSmoothedLossStopsImproving() {
    WideningTrigger t = new WideningTrigger(TriggerSpec.plateau(0.001, 50, 0), 1000, 10);
    StringBuilder why = new StringBuilder();
    // Decays quickly until step ~300, then flat: must fire after the knee, long before fallback.
    long fired = firstFiring(t, s -> 0.2 + Math.exp(-s / 40.0), why);
    assertTrue(fired > 150 && fired < 600, "fired at " + fired);
    assertTrue(why.toString().startsWith("plateau"), why.toString());
  }

  @Test
  void plateauDoesNotFireWhileStillImproving() {
    WideningTrigger t = new WideningTrigger(TriggerSpec.plateau(0.001, 50, 0), 1000, 10);
    for (long s = 1; s < 2000; s++) {
      assertNull(t.check(s, 10.0 - s * 0.01), "linear improvement of 0.5 per 50 steps");
    }
    assertNotNull(t.check(9000, 0));
  }
}
