package dev.csrlab.stats;

import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Criterion (3): C's final test accuracy vs A's and vs B's, each as a paired NI test. */
final class NonInferiorityFamily {
  private NonInferiorityFamily() {}

  static List<NonInferiority> of(
      Map<String, String> roles,
      Map<String, Map<Long, RunResult>> completed,
      double marginPp,
      double alpha) {
    String c = roles.get("C");
    List<NonInferiority> raw = new ArrayList<>();
    if (c != null) {
      for (String role : List.of("A", "B")) {
        String ref = roles.get(role);
        if (ref != null) {
          NonInferiority ni = test(c, ref, completed.get(c), completed.get(ref), marginPp, alpha);
          if (ni != null) {
            raw.add(ni);
          }
        }
      }
    }
    double[] pHolm = Holm.adjust(raw.stream().mapToDouble(NonInferiority::p).toArray());
    double[] pInfHolm = Holm.adjust(raw.stream().mapToDouble(NonInferiority::pInferior).toArray());
    List<NonInferiority> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      NonInferiority n = raw.get(i);
      out.add(
          new NonInferiority(
              n.treatment(),
              n.reference(),
              n.seeds(),
              n.nPairs(),
              n.marginPp(),
              n.meanDiffPp(),
              n.sdDiffPp(),
              n.lowerBoundPp(),
              n.upperBoundPp(),
              n.t(),
              n.p(),
              pHolm[i],
              n.pInferior(),
              pInfHolm[i],
              conclusion(n.nPairs(), pHolm[i], pInfHolm[i], alpha)));
    }
    return out;
  }

  static String conclusion(int n, double pHolm, double pInferiorHolm, double alpha) {
    if (n < 2) {
      return "no test (n < 2)";
    }
    if (pHolm < alpha) {
      return "non-inferior";
    }
    return pInferiorHolm < alpha ? "inferior" : "inconclusive";
  }

  private static NonInferiority test(
      String treatment,
      String reference,
      Map<Long, RunResult> t,
      Map<Long, RunResult> r,
      double marginPp,
      double alpha) {
    Comparison c = StudyAnalyzer.compare(Metric.FINAL_TEST_ACCURACY, treatment, reference, t, r);
    if (c == null) {
      return null;
    }
    double[] d = new double[c.nPairs()];
    for (int i = 0; i < d.length; i++) {
      long seed = c.seeds().get(i);
      d[i] =
          Metric.FINAL_TEST_ACCURACY.value(t.get(seed))
              - Metric.FINAL_TEST_ACCURACY.value(r.get(seed));
    }
    PairedTests.NonInferiorityTest ni = PairedTests.nonInferiority(d, marginPp, alpha);
    return new NonInferiority(
        treatment,
        reference,
        c.seeds(),
        ni.n(),
        marginPp,
        ni.mean(),
        ni.sd(),
        ni.lowerBound(),
        ni.upperBound(),
        ni.t(),
        ni.p(),
        Double.NaN,
        ni.pInferior(),
        Double.NaN,
        "");
  }
}
