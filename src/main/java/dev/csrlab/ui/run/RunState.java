package dev.csrlab.ui.run;

/** Lifecycle of one experiment in the window. */
public enum RunState {
  IDLE,
  RUNNING,
  /** Cancel was pressed; the engine stops at its next step check. */
  CANCELLING,
  FINISHED,
  CANCELLED,
  FAILED;

  public boolean isActive() {
    return this == RUNNING || this == CANCELLING;
  }
}
