package dev.csrlab.cli;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code 0,1,2}, {@code 0-4} or mixtures like {@code 0-2,7}. */
final class SeedList {
  private SeedList() {}

  static List<Long> parse(String text) {
    List<Long> seeds = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      try {
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash).trim());
          long to = Long.parseLong(p.substring(dash + 1).trim());
          if (to < from || to - from > 10_000) {
            throw new IllegalArgumentException(
                "seed range '" + p + "' must be FROM-TO with" + " FROM ≤ TO");
          }
          for (long s = from; s <= to; s++) {
            seeds.add(s);
          }
        } else {
          seeds.add(Long.parseLong(p));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--seeds '" + text + "': '" + p + "' is not a seed;" + " use e.g. 0,1,2 or 0-4", e);
      }
    }
    return seeds;
  }
}
