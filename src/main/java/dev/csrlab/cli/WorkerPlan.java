package dev.csrlab.cli;

/**
 * How many seed worker processes a {@code csr-lab run} uses, and with how many PyTorch threads
 * each.
 *
 * <p>Measured here (2 cores, default experiment, seeds 0–3; docs/PERFORMANCE.md): two workers with
 * one thread each took 213 s, one process with two threads 278 s. A seed on one thread while the
 * other core trains another seed takes about 1.5× as long as alone on both threads, so K workers
 * should pay off as soon as there are at least K seeds (predicted from that ratio: 3 seeds on 2
 * workers about level). Hence {@code auto}: one worker per core, at most one per seed, each on its
 * share of the cores — unless the thread count was fixed by the user (then cores / threads
 * workers), a GPU was asked for, or a resumed experiment recorded "all cores" (its thread count
 * cannot change).
 *
 * @param workers worker processes; 1 means every seed runs in this process
 * @param threads PyTorch threads of each run (0 = all cores)
 */
record WorkerPlan(int workers, int threads) {

  /**
   * @param requested {@code --workers} N, or null for {@code auto}
   * @param threads the config's thread count (0 = all cores, not fixed)
   * @param threadsFixed whether the thread count may not be changed (given by the user, or a
   *     resumed experiment's)
   * @param seeds seeds to run
   * @param device the config's device preference
   * @param cores available cores
   */
  static WorkerPlan of(
      Integer requested, int threads, boolean threadsFixed, int seeds, String device, int cores) {
    int k;
    if (requested != null) {
      k = requested;
    } else if ("gpu".equals(device) || (threadsFixed && threads == 0)) {
      k = 1;
    } else {
      k = threads > 0 ? Math.max(1, cores / threads) : cores;
    }
    k = Math.max(1, Math.min(k, seeds));
    if (k == 1) {
      return new WorkerPlan(1, threads);
    }
    return new WorkerPlan(k, threads == 0 && !threadsFixed ? Math.max(1, cores / k) : threads);
  }
}
