package dev.csrlab.ui.results;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.train.RunResult;
import dev.csrlab.ui.session.Criterion;
import dev.csrlab.ui.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The Results tab without a window: one row per variant (mean ± std over seeds) and the three
 * success criteria of SPEC §2 — from summary.json's paired statistics when the experiment wrote
 * them, otherwise provisional verdicts on the means of the runs finished so far.
 */
public final class ResultsViewModel {
  /** One table row; numbers kept for sorting and tests, text for display. */
  public record Row(String variant, String method, int seeds, Aggregate shock, Aggregate peakShock,
      Aggregate functionError, Aggregate recoverySteps, int recovered, Aggregate testAccuracy,
      List<String> statuses, boolean widened) {
    /** "20 ± 14 (2/2 recovered)"; "—" for variants that never widen (nothing to recover). */
    public String recoveryText() {
      if (!widened) {
        return "—";
      }
      String m = recoverySteps.format("%.0f");
      return seeds == 0 ? m : m + " (" + recovered + "/" + seeds + " recovered)";
    }
  }

  private ResultsViewModel() {}

  public static List<Row> rows(Session s) {
    Map<String, List<RunResult>> byVariant = new LinkedHashMap<>();
    s.variants().forEach(v -> byVariant.put(v, new ArrayList<>()));
    for (RunResult r : s.results()) {
      byVariant.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r);
    }
    List<Row> rows = new ArrayList<>();
    byVariant.forEach((variant, rs) -> {
      if (!rs.isEmpty()) {
        rows.add(row(variant, rs));
      }
    });
    return rows;
  }

  private static Row row(String variant, List<RunResult> rs) {
    double[] rec = rs.stream().filter(RunResult::recovered)
        .mapToDouble(r -> r.recoverySteps()).toArray();
    return new Row(variant, rs.get(0).method(), rs.size(), agg(rs, RunResult::shock),
        agg(rs, RunResult::peakShock), agg(rs, RunResult::functionError), Aggregate.of(rec),
        (int) rs.stream().filter(RunResult::recovered).count(),
        agg(rs, RunResult::finalTestAccuracy), rs.stream().map(RunResult::status).toList(),
        rs.stream().anyMatch(r -> r.wideningStep() > 0));
  }

  private static Aggregate agg(List<RunResult> rs, ToDoubleFunction<RunResult> f) {
    return Aggregate.of(rs.stream().mapToDouble(f).toArray());
  }

  /** summary.json's criteria when present, else provisional ones from the table's means. */
  public static List<Criterion> criteria(Session s) {
    if (!s.criteria().isEmpty()) {
      return s.criteria();
    }
    List<Row> rows = rows(s);
    Optional<Row> a = byMethod(rows, "scratch");
    Optional<Row> b = byMethod(rows, "net2net");
    Optional<Row> c = byMethod(rows, "continuous");
    ExperimentConfig cfg = s.config();
    double margin = cfg == null ? 0.1 : cfg.nonInferiorityMargin();
    List<Criterion> out = new ArrayList<>();
    out.add(compare("(1) C's shock is lower than B's", c, b, Row::shock, true, 0, "%.4f"));
    out.add(recovery(c, b));
    out.add(accuracy(c, a, b, margin));
    return out;
  }

  private static Optional<Row> byMethod(List<Row> rows, String method) {
    return rows.stream().filter(r -> method.equals(r.method())).findFirst();
  }

  private static Criterion compare(String name, Optional<Row> c, Optional<Row> b,
      java.util.function.Function<Row, Aggregate> f, boolean lower, double margin, String fmt) {
    if (c.isEmpty() || b.isEmpty() || f.apply(c.get()).n() == 0 || f.apply(b.get()).n() == 0) {
      return new Criterion(name, null, null, "needs finished C and B runs", true);
    }
    double cv = f.apply(c.get()).mean();
    double bv = f.apply(b.get()).mean();
    boolean holds = lower ? cv < bv : cv >= bv - margin;
    return new Criterion(name, holds, null, String.format("C " + fmt + " vs B " + fmt, cv, bv),
        true);
  }

  private static Criterion recovery(Optional<Row> c, Optional<Row> b) {
    String name = "(2) C recovers faster than B";
    if (c.isEmpty() || b.isEmpty()) {
      return new Criterion(name, null, null, "needs finished C and B runs", true);
    }
    Row rc = c.get();
    Row rb = b.get();
    if (rc.recovered() == 0 && rb.recovered() == 0) {
      return new Criterion(name, null, null, "neither recovered within the run", true);
    }
    if (rc.recovered() == 0 || rb.recovered() == 0) {
      return new Criterion(name, rb.recovered() == 0, null, "C " + rc.recoveryText() + " vs B "
          + rb.recoveryText(), true);
    }
    return compare(name, c, b, Row::recoverySteps, true, 0, "%.0f steps");
  }

  private static Criterion accuracy(Optional<Row> c, Optional<Row> a, Optional<Row> b,
      double marginPp) {
    String name = "(3) C's final test accuracy ≥ A's and ≥ B's (margin " + marginPp + " pp)";
    if (c.isEmpty() || a.isEmpty() || b.isEmpty() || c.get().testAccuracy().n() == 0
        || a.get().testAccuracy().n() == 0 || b.get().testAccuracy().n() == 0) {
      return new Criterion(name, null, null, "needs finished A, B and C runs", true);
    }
    double cv = 100 * c.get().testAccuracy().mean();
    double av = 100 * a.get().testAccuracy().mean();
    double bv = 100 * b.get().testAccuracy().mean();
    boolean holds = cv >= av - marginPp && cv >= bv - marginPp;
    return new Criterion(name, holds, null,
        String.format("C %.2f%% vs A %.2f%%, B %.2f%%", cv, av, bv), true);
  }
}
