package dev.csrlab.train;

import java.util.List;

/**
 * One model advancing through the seed's data order, reporting to one or more runs: the shared
 * small-model prefix reports to every branch of the seed, a branch or scratch run to itself. The
 * {@link SeedProtocol} steps all lanes round-robin so every curve grows live together.
 */
final class Lane {
  final TrainingSession session;
  final List<RunTracker> runs;
  final Phase phase;
  final long endStep;
  final boolean shared;

  /** Non-null only for the prefix: decides N. */
  final WideningTrigger trigger;

  /** The widening/branch step whose ±fullValWindow gets full-split validation, or −1. */
  final long focusStep;

  double epochLossSum;
  int epochSteps;
  long epochStartNanos = System.nanoTime();

  Lane(
      TrainingSession session,
      List<RunTracker> runs,
      Phase phase,
      long endStep,
      boolean shared,
      WideningTrigger trigger,
      long focusStep) {
    this.session = session;
    this.runs = runs;
    this.phase = phase;
    this.endStep = endStep;
    this.shared = shared;
    this.trigger = trigger;
    this.focusStep = focusStep;
  }

  boolean done() {
    return session.step() >= endStep;
  }
}
