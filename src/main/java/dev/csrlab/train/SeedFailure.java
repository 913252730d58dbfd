package dev.csrlab.train;

import java.util.List;

/**
 * A seed stopped because something failed mid-run (a sink could not write, the engine threw): its
 * runs still open were ended {@code failed}. Carries every run of the seed that ended, failed ones
 * included, so they reach summary.json; the cause is the original error.
 */
public final class SeedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // never serialised: RunFinished holds plain records
  private final List<RunFinished> runs;

  public SeedFailure(List<RunFinished> runs, RuntimeException cause) {
    super(cause.getMessage(), cause);
    this.runs = List.copyOf(runs);
  }

  /** Every run of the seed that ended, in the order they ended. */
  public List<RunFinished> runs() {
    return runs;
  }

  /** The original error. */
  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}
