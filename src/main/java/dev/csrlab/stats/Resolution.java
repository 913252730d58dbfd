package dev.csrlab.stats;

import static dev.csrlab.stats.Numbers.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the number of seeds can resolve (SPEC §2: "with 5 seeds say plainly what the test can and
 * cannot resolve"): minimum detectable effects at 80% power from the observed std of paired
 * differences, the floor of the exact sign test, and the seeds the accuracy margin would need.
 */
final class Resolution {
  static final double POWER = 0.8;
  private static final int MAX_SEEDS = 10_000;

  private Resolution() {}

  static String note(
      Map<String, String> roles,
      List<Comparison> comparisons,
      List<NonInferiority> ni,
      List<RecoveryComparison> recovery,
      double alpha,
      double marginPp) {
    List<String> parts = new ArrayList<>();
    String c = roles.get("C");
    String b = roles.get("B");
    if (c != null && b != null) {
      tTestPart(parts, "Shock C − B", find(comparisons, Metric.SHOCK, c, b), alpha);
      Comparison rec = find(comparisons, Metric.RECOVERY_STEPS, c, b);
      if (rec != null && rec.censoredPairs() == 0) {
        tTestPart(parts, "Recovery steps C − B (no run censored)", rec, alpha);
      } else {
        recovery.stream()
            .filter(r -> r.treatment().equals(c) && r.reference().equals(b))
            .findFirst()
            .ifPresent(r -> parts.add(signPart(r.nPairs(), alpha)));
      }
    }
    for (NonInferiority n : ni) {
      parts.add(niPart(n, roleOf(roles, n.reference()), alpha, marginPp));
    }
    if (parts.isEmpty()) {
      return "No comparison between the protocol roles A, B, C could be made, so there is"
          + " nothing to resolve.";
    }
    parts.add(
        "Holm multiplies the smallest p-value of a family of m tests by m, so each extra"
            + " comparison in a family raises the evidence needed.");
    return String.join(" ", parts);
  }

  private static void tTestPart(List<String> parts, String label, Comparison s, double alpha) {
    if (s == null) {
      return;
    }
    if (s.nPairs() < 2) {
      parts.add(
          label
              + ": n < 2 paired seeds, so no variance estimate: no test and no"
              + " detectable-effect estimate.");
      return;
    }
    double mde = PairedTests.minimumDetectable(s.nPairs(), s.sdDiff(), alpha, POWER);
    parts.add(
        label
            + ": with "
            + s.nPairs()
            + " paired seeds and an observed std of"
            + " differences of "
            + format(s.sdDiff())
            + ", a two-sided paired t-test at "
            + format(100 * alpha)
            + "% has 80% power only for true mean differences of about "
            + format(mde)
            + " "
            + s.unit()
            + " or more (observed mean difference "
            + format(s.meanDiff())
            + ").");
  }

  static String signPart(int pairs, double alpha) {
    double floor = PairedTests.signTest(pairs, 0);
    int needed = 1;
    while (PairedTests.signTest(needed, 0) >= alpha) {
      needed++;
    }
    String verdict =
        floor < alpha
            ? "so it can reach the " + format(100 * alpha) + "% level"
            : "so it can never reach the "
                + format(100 * alpha)
                + "% level with these seeds (it"
                + " needs at least "
                + needed
                + " decided pairs)";
    return "Recovery C − B (censoring-aware sign test): with "
        + pairs
        + " paired seeds the"
        + " exact two-sided sign test cannot give p below "
        + format(floor, 3)
        + ", "
        + verdict
        + ".";
  }

  private static String niPart(NonInferiority n, String role, double alpha, double marginPp) {
    String label = "Accuracy C − " + role;
    if (n.nPairs() < 2) {
      return label
          + ": n < 2 paired seeds, so no variance estimate: the margin of "
          + format(marginPp)
          + " pp cannot be tested.";
    }
    double bound = PairedTests.minimumDetectableOneSided(n.nPairs(), n.sdDiffPp(), alpha, POWER);
    String head =
        label
            + ": if C were truly equal to "
            + role
            + ", the"
            + " non-inferiority test would have 80% power only for a margin of about "
            + format(bound)
            + " pp (observed std of differences "
            + format(n.sdDiffPp())
            + " pp, "
            + n.nPairs()
            + " seeds)";
    if (bound <= marginPp) {
      return head + "; the stated margin of " + format(marginPp) + " pp is within reach.";
    }
    int needed = seedsForMargin(n.sdDiffPp(), alpha, marginPp);
    String more =
        needed > 0
            ? "about " + needed + " seeds would be needed at this spread"
            : "more than " + MAX_SEEDS + " seeds would be needed at this spread";
    return head
        + "; the stated margin of "
        + format(marginPp)
        + " pp is finer than that: "
        + more
        + ".";
  }

  /** Smallest n whose one-sided 80%-power bound is within the margin, or −1 if very large. */
  static int seedsForMargin(double sd, double alpha, double marginPp) {
    if (!(marginPp > 0)) {
      return -1;
    }
    for (int n = 2; n <= MAX_SEEDS; n++) {
      if (PairedTests.minimumDetectableOneSided(n, sd, alpha, POWER) <= marginPp) {
        return n;
      }
    }
    return -1;
  }

  private static String roleOf(Map<String, String> roles, String variant) {
    return roles.entrySet().stream()
        .filter(e -> e.getValue().equals(variant))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(variant);
  }

  private static Comparison find(List<Comparison> cs, Metric m, String t, String r) {
    return cs.stream()
        .filter(x -> x.metric() == m && x.treatment().equals(t) && x.reference().equals(r))
        .findFirst()
        .orElse(null);
  }
}
