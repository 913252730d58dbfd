package dev.csrlab.stats;

import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paired recovery comparison that respects censoring (SPEC §2: a run that never recovered is
 * censored). Each seed pair is scored like Gehan's generalised Wilcoxon score: the treatment is
 * faster if it recovered in fewer steps than the reference, or recovered while the reference was
 * censored at a time no earlier than the treatment's recovery (the reference's true time exceeds
 * its censoring time). Both censored: a tie. The decided pairs feed an exact sign test.
 */
public final class CensoredRecovery {
  private CensoredRecovery() {}

  /** Score of one pair: +1 treatment faster, −1 reference faster, 0 tie, null undetermined. */
  static Integer score(double t, boolean tCensored, double r, boolean rCensored) {
    if (tCensored && rCensored) {
      return 0;
    }
    if (!tCensored && !rCensored) {
      return Integer.compare(Double.compare(r, t), 0);
    }
    if (rCensored) {
      return t <= r ? 1 : null;
    }
    return r <= t ? -1 : null;
  }

  /** Compares completed widened runs paired by seed; null if no seed has both. */
  public static RecoveryComparison compare(
      String treatment, String reference, Map<Long, RunResult> t, Map<Long, RunResult> r) {
    List<Long> seeds = new ArrayList<>();
    int tFaster = 0;
    int rFaster = 0;
    int ties = 0;
    int undetermined = 0;
    int tRec = 0;
    int rRec = 0;
    for (Map.Entry<Long, RunResult> e : t.entrySet()) {
      RunResult a = e.getValue();
      RunResult b = r.get(e.getKey());
      if (b == null) {
        continue;
      }
      double x = Metric.RECOVERY_STEPS.value(a);
      double y = Metric.RECOVERY_STEPS.value(b);
      if (Double.isNaN(x) || Double.isNaN(y)) {
        continue;
      }
      seeds.add(e.getKey());
      tRec += a.recovered() ? 1 : 0;
      rRec += b.recovered() ? 1 : 0;
      Integer s = score(x, Metric.isCensored(a), y, Metric.isCensored(b));
      if (s == null) {
        undetermined++;
      } else if (s > 0) {
        tFaster++;
      } else if (s < 0) {
        rFaster++;
      } else {
        ties++;
      }
    }
    if (seeds.isEmpty()) {
      return null;
    }
    double p = PairedTests.signTest(tFaster, rFaster);
    return new RecoveryComparison(
        treatment,
        reference,
        List.copyOf(seeds),
        seeds.size(),
        tFaster,
        rFaster,
        ties,
        undetermined,
        tRec,
        rRec,
        p,
        Double.NaN);
  }
}
