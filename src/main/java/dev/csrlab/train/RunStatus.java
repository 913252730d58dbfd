package dev.csrlab.train;

/** How a run ended (summary.json {@code status}). */
public enum RunStatus {
  COMPLETED("completed"),
  DIVERGED("diverged"),
  CANCELLED("cancelled"),
  FAILED("failed");

  private final String id;

  RunStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
