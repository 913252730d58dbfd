package dev.csrlab.stats;

import static dev.csrlab.stats.Numbers.format;
import static dev.csrlab.stats.Numbers.pClause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Criterion (3): C's final test accuracy ≥ A's and ≥ B's, as non-inferiority with a margin. It
 * holds when both NI tests reject (Holm-adjusted), fails when either mirror test shows C worse by
 * more than the margin, and otherwise the seeds do not distinguish.
 */
final class NonInferiorityVerdict {
  private NonInferiorityVerdict() {}

  static Verdict judge(
      Map<String, String> roles, List<NonInferiority> ni, double alpha, double marginPp) {
    String claim =
        "C's final test accuracy is ≥ A's and ≥ B's (non-inferiority, margin "
            + format(marginPp)
            + " percentage points)";
    String test =
        "one-sided paired t-tests of H0: mean(C − X) ≤ −margin for X = A, B, Holm"
            + " across the two; 'fails' needs the mirror test H0: mean(C − X) ≥ −margin rejected";
    if (!roles.containsKey("A") || !roles.containsKey("B") || !roles.containsKey("C")) {
      return Verdicts.notEvaluated(
          3, claim, test, Verdicts.missingRoles(roles, "A", "B", "C"), null);
    }
    NonInferiority vsA = find(ni, roles.get("A"));
    NonInferiority vsB = find(ni, roles.get("B"));
    if (vsA == null || vsB == null) {
      return Verdicts.notEvaluated(
          3,
          claim,
          test,
          "no seed where C and "
              + (vsA == null ? "A" : "B")
              + " both completed with a test accuracy",
          null);
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    numbers.put("margin_pp", marginPp);
    put(numbers, "a", vsA);
    put(numbers, "b", vsB);
    Outcome o = outcome(vsA, vsB);
    String sentence = sentence(o, vsA, vsB, marginPp);
    return new Verdict(3, claim, o, test, numbers, sentence, null);
  }

  static Outcome outcome(NonInferiority vsA, NonInferiority vsB) {
    if ("inferior".equals(vsA.conclusion()) || "inferior".equals(vsB.conclusion())) {
      return Outcome.FAILS;
    }
    if ("non-inferior".equals(vsA.conclusion()) && "non-inferior".equals(vsB.conclusion())) {
      return Outcome.HOLDS;
    }
    return Outcome.NOT_DISTINGUISHABLE;
  }

  private static String sentence(
      Outcome o, NonInferiority vsA, NonInferiority vsB, double marginPp) {
    if (vsA.nPairs() < 2 || vsB.nPairs() < 2) {
      return "Only 1 seed: no test is possible. Observed accuracy difference C − A = "
          + format(vsA.meanDiffPp())
          + " pp, C − B = "
          + format(vsB.meanDiffPp())
          + " pp (margin "
          + format(marginPp)
          + " pp).";
    }
    String detail = part("A", vsA) + "; " + part("B", vsB) + ".";
    return switch (o) {
      case HOLDS ->
          "Holds: C is non-inferior to both A and B within " + format(marginPp) + " pp: " + detail;
      case FAILS ->
          "Fails: C's accuracy is lower than "
              + ("inferior".equals(vsA.conclusion()) ? "A's" : "B's")
              + " by more than the "
              + format(marginPp)
              + " pp margin: "
              + detail;
      default ->
          "Not distinguishable: the seeds can show neither non-inferiority nor a loss"
              + " larger than "
              + format(marginPp)
              + " pp: "
              + detail;
    };
  }

  private static String part(String role, NonInferiority n) {
    return "C − "
        + role
        + " = "
        + format(n.meanDiffPp())
        + " pp (one-sided 95% bounds "
        + format(n.lowerBoundPp())
        + " / "
        + format(n.upperBoundPp())
        + "), NI p "
        + pClause(n.p())
        + " (Holm p "
        + pClause(n.pHolm())
        + "), "
        + n.nPairs()
        + " seeds: "
        + n.conclusion();
  }

  private static void put(Map<String, Double> numbers, String role, NonInferiority n) {
    numbers.put("n_pairs_vs_" + role, (double) n.nPairs());
    numbers.put("diff_vs_" + role + "_pp", n.meanDiffPp());
    numbers.put("lower_bound_vs_" + role + "_pp", n.lowerBoundPp());
    numbers.put("upper_bound_vs_" + role + "_pp", n.upperBoundPp());
    numbers.put("p_vs_" + role, n.p());
    numbers.put("p_holm_vs_" + role, n.pHolm());
    numbers.put("p_inferior_holm_vs_" + role, n.pInferiorHolm());
  }

  private static NonInferiority find(List<NonInferiority> ni, String reference) {
    return ni.stream().filter(n -> n.reference().equals(reference)).findFirst().orElse(null);
  }
}
