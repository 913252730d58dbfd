package dev.csrlab.stats;

import static dev.csrlab.stats.Numbers.format;
import static dev.csrlab.stats.Numbers.pClause;

import dev.csrlab.train.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges the three SPEC §2 success criteria. A criterion holds or fails only when the Holm-adjusted
 * test rejects at alpha in that direction; otherwise the data do not distinguish. With one seed no
 * test is possible and the verdict says so next to the observed values.
 */
final class Verdicts {
  static final String NET2NET_NOTE =
      "Net2Net is function-preserving (exactly, before its small symmetry-breaking noise), so B's"
          + " shock is ≈ 0 and its recovery ≈ 0 steps by construction: this criterion is decided"
          + " against C by design. Peak shock, excess-loss area, loss at N+100/N+500 and final"
          + " accuracy show the rest of the picture.";

  private Verdicts() {}

  static List<Verdict> judge(Map<String, String> roles, List<Comparison> comparisons,
      List<NonInferiority> ni, List<RecoveryComparison> recovery,
      Map<String, Map<Long, RunResult>> completed, double alpha, double marginPp) {
    return List.of(
        shock(roles, comparisons, alpha),
        recovery(roles, comparisons, recovery, alpha),
        NonInferiorityVerdict.judge(roles, ni, alpha, marginPp));
  }

  private static Verdict shock(Map<String, String> roles, List<Comparison> cs, double alpha) {
    String claim = "C's expansion shock is lower than B's";
    String test = "paired t-test on shock C − B, two-sided, Holm within the shock family";
    if (!roles.containsKey("B") || !roles.containsKey("C")) {
      return notEvaluated(1, claim, test, missingRoles(roles, "B", "C"), NET2NET_NOTE);
    }
    Comparison c = find(cs, Metric.SHOCK, roles.get("C"), roles.get("B"));
    if (c == null) {
      return notEvaluated(1, claim, test,
          "no seed where both C and B completed with a shock value", NET2NET_NOTE);
    }
    Outcome o = tTestOutcome(c, alpha, true);
    String sentence = tTestSentence(c, o, "shock", "lower", "higher");
    return new Verdict(1, claim, o, test, tNumbers(c), sentence, NET2NET_NOTE);
  }

  private static Verdict recovery(Map<String, String> roles, List<Comparison> cs,
      List<RecoveryComparison> rs, double alpha) {
    String claim = "C recovers faster than B (fewer steps back to its pre-widening accuracy)";
    if (!roles.containsKey("B") || !roles.containsKey("C")) {
      return notEvaluated(2, claim, "not run", missingRoles(roles, "B", "C"), NET2NET_NOTE);
    }
    String cName = roles.get("C");
    String bName = roles.get("B");
    Comparison c = find(cs, Metric.RECOVERY_STEPS, cName, bName);
    RecoveryComparison rc = rs.stream()
        .filter(r -> r.treatment().equals(cName) && r.reference().equals(bName))
        .findFirst().orElse(null);
    if (c == null || rc == null) {
      return notEvaluated(2, claim, "not run",
          "no seed where both C and B completed with a recovery value", NET2NET_NOTE);
    }
    Map<String, Double> numbers = tNumbers(c);
    numbers.put("c_faster", (double) rc.treatmentFaster());
    numbers.put("b_faster", (double) rc.referenceFaster());
    numbers.put("ties", (double) rc.ties());
    numbers.put("undetermined", (double) rc.undetermined());
    numbers.put("c_recovered", (double) rc.treatmentRecovered());
    numbers.put("b_recovered", (double) rc.referenceRecovered());
    numbers.put("censored_pairs", (double) c.censoredPairs());
    numbers.put("sign_p", rc.p());
    numbers.put("sign_p_holm", rc.pHolm());
    String counts = " C recovered in " + rc.treatmentRecovered() + " of " + rc.nPairs()
        + " seeds, B in " + rc.referenceRecovered() + " of " + rc.nPairs() + ".";
    if (c.censoredPairs() == 0) {
      String test = "paired t-test on recovery_steps C − B (no run censored), two-sided, Holm"
          + " within the recovery_steps family";
      Outcome o = tTestOutcome(c, alpha, true);
      String s = tTestSentence(c, o, "recovery time", "shorter", "longer") + counts;
      return new Verdict(2, claim, o, test, numbers, s, NET2NET_NOTE);
    }
    String test = "censoring-aware paired sign test (exact, two-sided), Holm across the"
        + " recovery comparisons; " + c.censoredPairs() + " pair(s) contain a censored run";
    Outcome o = signOutcome(rc, alpha);
    return new Verdict(2, claim, o, test, numbers, signSentence(rc, o) + counts, NET2NET_NOTE);
  }

  static Outcome tTestOutcome(Comparison c, double alpha, boolean lowerIsBetter) {
    if (c.nPairs() < 2 || Double.isNaN(c.pHolm()) || c.pHolm() >= alpha) {
      return Outcome.NOT_DISTINGUISHABLE;
    }
    boolean treatmentLower = c.meanDiff() < 0;
    return treatmentLower == lowerIsBetter ? Outcome.HOLDS : Outcome.FAILS;
  }

  private static Outcome signOutcome(RecoveryComparison rc, double alpha) {
    if (rc.nPairs() < 2 || !(rc.pHolm() < alpha)) {
      return Outcome.NOT_DISTINGUISHABLE;
    }
    return rc.treatmentFaster() > rc.referenceFaster() ? Outcome.HOLDS : Outcome.FAILS;
  }

  private static String tTestSentence(
      Comparison c, Outcome o, String what, String better, String worse) {
    String observed = "C " + format(c.treatmentMean()) + " vs B " + format(c.referenceMean())
        + " " + c.unit();
    if (c.nPairs() < 2) {
      return "Only 1 seed: no test is possible. Observed " + what + ": " + observed
          + " (difference C − B = " + format(c.meanDiff()) + ").";
    }
    String detail = "mean difference C − B = " + format(c.meanDiff()) + " (95% CI "
        + format(c.ciLow()) + " to " + format(c.ciHigh()) + "), paired t-test p " + pClause(c.p())
        + ", Holm-adjusted p " + pClause(c.pHolm()) + ", " + c.nPairs() + " paired seeds; means "
        + observed + ".";
    return switch (o) {
      case HOLDS -> "Holds: C's " + what + " is " + better + " than B's: " + detail;
      case FAILS -> "Fails: C's " + what + " is " + worse + " than B's: " + detail;
      default -> "Not distinguishable: the seeds cannot tell C's " + what + " from B's at the 5%"
          + " level: " + detail;
    };
  }

  private static String signSentence(RecoveryComparison rc, Outcome o) {
    String counts = "C faster in " + rc.treatmentFaster() + ", B faster in "
        + rc.referenceFaster() + ", tied in " + rc.ties() + ", undetermined in "
        + rc.undetermined() + " of " + rc.nPairs() + " paired seeds";
    if (rc.nPairs() < 2) {
      return "Only 1 seed: no test is possible. Observed: " + counts + ".";
    }
    String detail = counts + "; exact sign test p " + pClause(rc.p()) + ", Holm-adjusted p "
        + pClause(rc.pHolm()) + ".";
    return switch (o) {
      case HOLDS -> "Holds: C recovers faster than B: " + detail;
      case FAILS -> "Fails: B recovers faster than C: " + detail;
      default -> "Not distinguishable at the 5% level: " + detail;
    };
  }

  static Map<String, Double> tNumbers(Comparison c) {
    Map<String, Double> n = new LinkedHashMap<>();
    n.put("n_pairs", (double) c.nPairs());
    n.put("c_mean", c.treatmentMean());
    n.put("b_mean", c.referenceMean());
    n.put("mean_diff", c.meanDiff());
    n.put("ci_low", c.ciLow());
    n.put("ci_high", c.ciHigh());
    n.put("t", c.t());
    n.put("p", c.p());
    n.put("p_holm", c.pHolm());
    return n;
  }

  static Verdict notEvaluated(int k, String claim, String test, String why, String note) {
    return new Verdict(k, claim, Outcome.NOT_EVALUATED, test, new LinkedHashMap<>(),
        "Not evaluated: " + why + ".", note);
  }

  static String missingRoles(Map<String, String> roles, String... needed) {
    StringBuilder sb = new StringBuilder();
    for (String r : needed) {
      if (!roles.containsKey(r)) {
        sb.append(sb.length() == 0 ? "" : ", ").append(r).append(" (variant '")
            .append(defaultName(r)).append("')");
      }
    }
    return "the experiment has no " + sb + " with its default name and method";
  }

  private static String defaultName(String role) {
    return switch (role) {
      case "A" -> "scratch";
      case "B" -> "net2net";
      default -> "continuous";
    };
  }

  private static Comparison find(List<Comparison> cs, Metric m, String t, String r) {
    return cs.stream().filter(c -> c.metric() == m && c.treatment().equals(t)
        && c.reference().equals(r)).findFirst().orElse(null);
  }
}
