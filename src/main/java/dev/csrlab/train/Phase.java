package dev.csrlab.train;

/** Which model an update trained: the small model before widening, or the wide one after. */
public enum Phase {
  SMALL("small"),
  WIDE("wide");

  private final String id;

  Phase(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
