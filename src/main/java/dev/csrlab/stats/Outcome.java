package dev.csrlab.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the data say about one success criterion (SPEC §2). */
public enum Outcome {
  HOLDS("holds"),
  FAILS("fails"),
  NOT_DISTINGUISHABLE("not distinguishable"),
  NOT_EVALUATED("not evaluated");

  private final String text;

  Outcome(String text) {
    this.text = text;
  }

  @JsonValue
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
