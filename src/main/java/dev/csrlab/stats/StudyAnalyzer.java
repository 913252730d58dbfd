package dev.csrlab.stats;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import dev.csrlab.train.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the runs of one experiment into {@link StudyAnalysis} (SPEC §2 "Success criteria"). Only
 * completed runs count; seeds pair runs (same small model and data order within a seed).
 */
public final class StudyAnalyzer {
  /** Two-sided level of every test and the confidence of every interval (95%). */
  public static final double ALPHA = 0.05;

  static final String FAMILY_NOTE =
      "Holm families: (a) for each metric, all paired t-tests made on that metric (C−B, C−A, B−A"
          + " and every other variant − C) form one family, because each metric answers its own"
          + " question and the criteria rest on different metrics; (b) the non-inferiority tests"
          + " of criterion (3) (C vs A, C vs B) form one family, and their mirror inferiority"
          + " tests another; (c) the censoring-aware recovery sign tests form one family.";

  static final String CENSORING_NOTE =
      "A widened run that never recovered is censored at the steps remaining after widening"
          + " (steps − widening_step): its recovery_steps statistics use that lower bound and"
          + " count it under 'censored'. The paired recovery comparison scores each seed pair"
          + " (faster / slower / tie; both censored = tie; a recovery later than the other run's"
          + " censoring time is undetermined) and applies an exact sign test. Criterion (2) uses"
          + " the paired t-test when no run in the C/B pairs is censored, else that sign test.";

  private StudyAnalyzer() {}

  public static StudyAnalysis analyze(List<RunResult> runs, ExperimentConfig config) {
    double margin = config.nonInferiorityMargin();
    Map<String, String> methods = variantMethods(runs, config);
    Map<String, Map<Long, RunResult>> completed = completedByVariant(runs, methods);
    Map<String, String> roles = roles(methods);
    List<VariantStats> variants = new ArrayList<>();
    for (String v : methods.keySet()) {
      variants.add(variantStats(v, methods.get(v), roleOf(roles, v), runs, completed.get(v)));
    }
    List<String[]> pairs = comparisonPairs(roles, methods);
    List<Comparison> comparisons = new ArrayList<>();
    for (Metric m : Metric.values()) {
      comparisons.addAll(metricFamily(m, pairs, completed));
    }
    List<NonInferiority> ni = NonInferiorityFamily.of(roles, completed, margin, ALPHA);
    List<RecoveryComparison> recovery = recoveryFamily(pairs, methods, completed);
    List<Verdict> verdicts =
        Verdicts.judge(roles, comparisons, ni, recovery, completed, ALPHA, margin);
    TreeSet<Long> seeds = new TreeSet<>(config.seeds());
    runs.forEach(r -> seeds.add(r.seed()));
    String resolution = Resolution.note(roles, comparisons, ni, recovery, ALPHA, margin);
    return new StudyAnalysis(
        ALPHA,
        margin,
        List.copyOf(seeds),
        roles,
        variants,
        comparisons,
        ni,
        recovery,
        verdicts,
        FAMILY_NOTE,
        CENSORING_NOTE,
        resolution);
  }

  /** Variant name → method id: the config's variants in order, then any others the runs name. */
  static Map<String, String> variantMethods(List<RunResult> runs, ExperimentConfig config) {
    Map<String, String> methods = new LinkedHashMap<>();
    for (VariantSpec v : config.variants()) {
      methods.put(v.name(), v.method().id());
    }
    for (RunResult r : runs) {
      if (r.variant() == null) {
        throw new IllegalArgumentException("a run has no variant name: " + r);
      }
      methods.putIfAbsent(r.variant(), r.method());
    }
    return methods;
  }

  /**
   * Protocol roles: A/B/C are the variants with the default names whose method matches (scratch,
   * net2net, continuous). A renamed or missing one leaves its role, and the criteria that need it,
   * unevaluated rather than guessed.
   */
  static Map<String, String> roles(Map<String, String> methods) {
    Map<String, String> roles = new LinkedHashMap<>();
    String[][] wanted = {{"A", "scratch"}, {"B", "net2net"}, {"C", "continuous"}};
    for (String[] w : wanted) {
      String method = methods.get(w[1]);
      if (method != null && sameMethod(method, w[1])) {
        roles.put(w[0], w[1]);
      }
    }
    return roles;
  }

  private static boolean sameMethod(String method, String id) {
    try {
      return Method.fromId(method) == Method.fromId(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String roleOf(Map<String, String> roles, String variant) {
    return roles.entrySet().stream()
        .filter(e -> e.getValue().equals(variant))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private static Map<String, Map<Long, RunResult>> completedByVariant(
      List<RunResult> runs, Map<String, String> methods) {
    Map<String, Map<Long, RunResult>> out = new LinkedHashMap<>();
    methods.keySet().forEach(v -> out.put(v, new TreeMap<>()));
    for (RunResult r : runs) {
      if (!"completed".equalsIgnoreCase(r.status())) {
        continue;
      }
      RunResult previous = out.get(r.variant()).put(r.seed(), r);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two completed runs for variant '"
                + r.variant()
                + "' and seed "
                + r.seed()
                + ": each variant and seed must appear once in summary.json");
      }
    }
    return out;
  }

  private static VariantStats variantStats(
      String variant, String method, String role, List<RunResult> runs, Map<Long, RunResult> done) {
    int total = (int) runs.stream().filter(r -> r.variant().equals(variant)).count();
    List<MetricSummary> metrics = new ArrayList<>();
    for (Metric m : Metric.values()) {
      List<Double> values = new ArrayList<>();
      int censored = 0;
      for (RunResult r : done.values()) {
        double v = m.value(r);
        if (!Double.isNaN(v)) {
          values.add(v);
          censored += m == Metric.RECOVERY_STEPS && Metric.isCensored(r) ? 1 : 0;
        }
      }
      if (!values.isEmpty()) {
        PairedTests.Sample s = PairedTests.describe(toArray(values), ALPHA);
        metrics.add(
            new MetricSummary(
                m, m.unit(), s.n(), s.mean(), s.sd(), s.ciLow(), s.ciHigh(), censored));
      }
    }
    List<RunResult> widened = done.values().stream().filter(Metric::widens).toList();
    int recovered = (int) widened.stream().filter(RunResult::recovered).count();
    String summary =
        widened.isEmpty()
            ? "does not widen"
            : "recovered in " + recovered + " of " + widened.size() + " seeds";
    return new VariantStats(
        variant, method, role, total, done.size(), recovered, widened.size(), summary, metrics);
  }

  /** C−B, C−A, B−A, then every other variant − C (SPEC §2 and the brief's comparison list). */
  static List<String[]> comparisonPairs(Map<String, String> roles, Map<String, String> methods) {
    List<String[]> pairs = new ArrayList<>();
    String a = roles.get("A");
    String b = roles.get("B");
    String c = roles.get("C");
    addPair(pairs, c, b);
    addPair(pairs, c, a);
    addPair(pairs, b, a);
    if (c != null) {
      for (String v : methods.keySet()) {
        if (!roles.containsValue(v)) {
          pairs.add(new String[] {v, c});
        }
      }
    }
    return pairs;
  }

  private static void addPair(List<String[]> pairs, String treatment, String reference) {
    if (treatment != null && reference != null) {
      pairs.add(new String[] {treatment, reference});
    }
  }

  private static List<Comparison> metricFamily(
      Metric m, List<String[]> pairs, Map<String, Map<Long, RunResult>> completed) {
    List<Comparison> family = new ArrayList<>();
    for (String[] pair : pairs) {
      Comparison c = compare(m, pair[0], pair[1], completed.get(pair[0]), completed.get(pair[1]));
      if (c != null) {
        family.add(c);
      }
    }
    double[] adjusted = Holm.adjust(family.stream().mapToDouble(Comparison::p).toArray());
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < family.size(); i++) {
      out.add(family.get(i).withPHolm(adjusted[i]));
    }
    return out;
  }

  /** Paired comparison over seeds where both runs completed with a value; null if none. */
  static Comparison compare(
      Metric m,
      String treatment,
      String reference,
      Map<Long, RunResult> t,
      Map<Long, RunResult> r) {
    List<Long> seeds = new ArrayList<>();
    List<Double> tv = new ArrayList<>();
    List<Double> rv = new ArrayList<>();
    int censored = 0;
    for (Map.Entry<Long, RunResult> e : t.entrySet()) {
      RunResult other = r.get(e.getKey());
      if (other == null) {
        continue;
      }
      double x = m.value(e.getValue());
      double y = m.value(other);
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        seeds.add(e.getKey());
        tv.add(x);
        rv.add(y);
        boolean cens = Metric.isCensored(e.getValue()) || Metric.isCensored(other);
        censored += m == Metric.RECOVERY_STEPS && cens ? 1 : 0;
      }
    }
    if (seeds.isEmpty()) {
      return null;
    }
    double[] d = new double[seeds.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = tv.get(i) - rv.get(i);
    }
    PairedTests.TTest test = PairedTests.paired(d, ALPHA);
    return new Comparison(
        m,
        m.unit(),
        treatment,
        reference,
        List.copyOf(seeds),
        test.n(),
        PairedTests.mean(toArray(tv)),
        PairedTests.mean(toArray(rv)),
        test.mean(),
        test.sd(),
        test.ciLow(),
        test.ciHigh(),
        test.t(),
        test.df(),
        test.p(),
        Double.NaN,
        censored);
  }

  private static List<RecoveryComparison> recoveryFamily(
      List<String[]> pairs,
      Map<String, String> methods,
      Map<String, Map<Long, RunResult>> completed) {
    List<RecoveryComparison> family = new ArrayList<>();
    for (String[] pair : pairs) {
      if (widens(methods.get(pair[0])) && widens(methods.get(pair[1]))) {
        RecoveryComparison rc =
            CensoredRecovery.compare(
                pair[0], pair[1], completed.get(pair[0]), completed.get(pair[1]));
        if (rc != null) {
          family.add(rc);
        }
      }
    }
    double[] adjusted = Holm.adjust(family.stream().mapToDouble(RecoveryComparison::p).toArray());
    List<RecoveryComparison> out = new ArrayList<>();
    for (int i = 0; i < family.size(); i++) {
      out.add(family.get(i).withPHolm(adjusted[i]));
    }
    return out;
  }

  private static boolean widens(String method) {
    try {
      return Method.fromId(method).widens();
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  static double[] toArray(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
