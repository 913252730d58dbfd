package dev.csrlab.ui.config;

import dev.csrlab.config.Method;
import dev.csrlab.config.VariantSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Text ↔ value conversions of the config form, with errors that say how to write it. */
final class Values {
  private Values() {}

  static int integer(String what, Object v) {
    String t = String.valueOf(v).trim().replace("_", "");
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + v + "' is not a whole number");
    }
  }

  static long longValue(String what, Object v) {
    String t = String.valueOf(v).trim().replace("_", "");
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + v + "' is not a whole number");
    }
  }

  static double number(String what, Object v) {
    String t = String.valueOf(v).trim();
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          what + ": '" + v + "' is not a number (e.g. 0.001 or 1e-3)");
    }
  }

  static String show(double d) {
    return Double.toString(d);
  }

  /** "128,128" → [128, 128]. */
  static List<Integer> intList(String what, Object v) {
    String t = String.valueOf(v).trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException(what + ": list at least one width, e.g. 128,128");
    }
    List<Integer> out = new ArrayList<>();
    for (String part : t.split("[,\\s]+")) {
      out.add(integer(what, part));
    }
    return out;
  }

  static String join(List<?> l) {
    return l.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** "0-4" or "0,1,5" or "0-2,7" → seeds. */
  static List<Long> seeds(Object v) {
    String t = String.valueOf(v).trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("seeds: list at least one seed, e.g. 0 or 0-4");
    }
    List<Long> out = new ArrayList<>();
    for (String part : t.split("[,\\s]+")) {
      int dash = part.indexOf('-', 1);
      if (dash > 0) {
        long a = longValue("seeds", part.substring(0, dash));
        long b = longValue("seeds", part.substring(dash + 1));
        if (b < a || b - a > 10_000) {
          throw new IllegalArgumentException("seeds: range '" + part + "' must go up, e.g. 0-4");
        }
        for (long s = a; s <= b; s++) {
          out.add(s);
        }
      } else {
        out.add(longValue("seeds", part));
      }
    }
    return out;
  }

  /** Compact seed text: consecutive runs as ranges. */
  static String seedText(List<Long> seeds) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < seeds.size()) {
      int j = i;
      while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
        j++;
      }
      parts.add(j - i >= 2 ? seeds.get(i) + "-" + seeds.get(j)
          : seeds.subList(i, j + 1).stream().map(String::valueOf).collect(Collectors.joining(",")));
      i = j + 1;
    }
    return String.join(",", parts);
  }

  /**
   * "A,B,C" / "scratch, net2net, continuous" / names of variants already in the config (which
   * keep their options) → variants.
   */
  static List<VariantSpec> variants(Object v, List<VariantSpec> current) {
    String t = String.valueOf(v).trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("variants: list at least one, e.g. A,B,C");
    }
    List<VariantSpec> out = new ArrayList<>();
    for (String token : new LinkedHashSet<>(Arrays.asList(t.split("[,\\s]+")))) {
      VariantSpec known = current.stream().filter(s -> s.name().equals(token)).findFirst()
          .orElse(null);
      if (known != null) {
        out.add(known);
        continue;
      }
      try {
        out.add(VariantSpec.of(Method.fromId(token)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("variants: " + e.getMessage());
      }
    }
    return out;
  }

  static String variantText(List<VariantSpec> variants) {
    return variants.stream().map(VariantSpec::name).collect(Collectors.joining(", "));
  }
}
