package dev.csrlab.log.console;

import dev.csrlab.growth.LayerWidening;
import dev.csrlab.train.WideningEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The clearly marked console block printed right after widening (SPEC §3): trigger, shock,
 * before→after validation loss and accuracy on the full split, function error and KL, and per layer
 * the path similarity before/after/random and the energy factor c.
 */
final class WideningBlock {
  static final int RULE_WIDTH = 78;

  private WideningBlock() {}

  static String format(WideningEvent e, boolean unicode) {
    char ruleChar = unicode ? '━' : '=';
    String arrow = unicode ? "→" : "->";
    String title = " WIDENING " + e.key().dirName() + " at step " + e.step() + " ";
    int side = Math.max(3, (RULE_WIDTH - title.length()) / 2);
    String rule = String.valueOf(ruleChar);
    StringBuilder sb = new StringBuilder();
    sb.append(rule.repeat(side)).append(title).append(rule.repeat(side)).append('\n');
    row(sb, "trigger", e.trigger());
    row(sb, "widths", widths(e.layers(), arrow));
    row(
        sb,
        "val loss",
        f("%.4f %s %.4f   shock %+.4f", e.valLossBefore(), arrow, e.valLossAfter(), e.shock()));
    row(
        sb,
        "val acc",
        f(
            "%s %s %s   accuracy drop %.2f pp",
            pct(e.valAccBefore()),
            arrow,
            pct(e.valAccAfter()),
            100 * (e.valAccBefore() - e.valAccAfter())));
    row(sb, "function error", f("%.4f (mean |logit change|, full val split)", e.functionError()));
    row(sb, "function KL", f("%.5f (mean KL(before || after))", e.functionKl()));
    double[] energy = e.energyScale() == null ? new double[0] : e.energyScale();
    List<LayerWidening> layers = e.layers();
    for (int i = 0; i < layers.size(); i++) {
      LayerWidening l = layers.get(i);
      double c = i < energy.length ? energy[i] : Double.NaN;
      row(
          sb,
          "hidden" + l.hidden(),
          f(
              "path similarity before %s  after %s  random %s" + "   energy c %s",
              num(l.pathBefore()),
              num(l.pathAfter()),
              num(l.pathRandom()),
              Double.isNaN(c) ? "-" : f("%.4f", c)));
    }
    sb.append(rule.repeat(2 * side + title.length())).append('\n');
    return sb.toString();
  }

  private static String widths(List<LayerWidening> layers, String arrow) {
    return layers.stream()
        .map(l -> "hidden" + l.hidden() + " " + l.fromWidth() + arrow + l.toWidth())
        .collect(Collectors.joining(", "));
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append(String.format(Locale.ROOT, "  %-15s %s\n", key, value));
  }

  static String pct(double fraction) {
    return Double.isNaN(fraction) ? "-" : f("%.2f%%", 100 * fraction);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : f("%.3f", v);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
