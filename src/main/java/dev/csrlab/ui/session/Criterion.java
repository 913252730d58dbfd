package dev.csrlab.ui.session;

/**
 * One success criterion of SPEC §2 with its verdict.
 *
 * @param holds true/false, or null when undecided (too few runs, not distinguishable)
 * @param outcome the verdict in words as the statistics wrote it (e.g. "not distinguishable"),
 *     or null to derive it from {@code holds}
 * @param detail the numbers or sentence behind the verdict
 * @param provisional true when computed from means of finished runs in the window, not by the
 *     statistics of summary.json (paired tests, Holm correction)
 */
public record Criterion(String name, Boolean holds, String outcome, String detail,
    boolean provisional) {
  public String verdict() {
    if (outcome != null && !outcome.isBlank()) {
      return outcome;
    }
    return holds == null ? "undecided" : holds ? "holds" : "fails";
  }
}
