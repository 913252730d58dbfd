package dev.csrlab.ui.session;

/**
 * One success criterion of SPEC §2 with its verdict.
 *
 * @param holds true/false, or null when undecided (too few runs, missing data)
 * @param detail the numbers behind the verdict, as text
 * @param provisional true when computed from means of finished runs in the window, not by the
 *     statistics of summary.json (paired tests, Holm correction)
 */
public record Criterion(String name, Boolean holds, String detail, boolean provisional) {
  public String verdict() {
    return holds == null ? "undecided" : holds ? "holds" : "fails";
  }
}
