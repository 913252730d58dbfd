package dev.csrlab.ui.run;

import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.train.CancelToken;
import dev.csrlab.train.EpochEvent;
import dev.csrlab.train.RunFinished;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunStarted;
import dev.csrlab.train.RunStatus;
import dev.csrlab.train.StepEvent;
import dev.csrlab.train.WideningEvent;
import dev.csrlab.ui.fx.EventQueue;
import dev.csrlab.ui.fx.EventQueue.LogLine;
import dev.csrlab.ui.fx.EventQueue.Stamped;
import dev.csrlab.ui.history.ExperimentDirReader;
import dev.csrlab.ui.session.RunSeries;
import dev.csrlab.ui.session.Session;
import dev.csrlab.ui.session.WideningInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs an experiment in the background and turns its events into the {@link Session} the views
 * show, plus the status-bar fields. Commands: {@link #start}, {@link #cancel}, {@link #open};
 * {@link #pump} is called once per frame on the FX thread by the app's FxPump.
 */
public final class RunViewModel {
  private static final int MAX_LOG_LINES = 5_000;

  private final TaskExecutor executor;
  private final ExperimentEngine engine;
  private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
  private final ReadOnlyObjectWrapper<Session> session =
      new ReadOnlyObjectWrapper<>(new Session(null));
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
  private final StatusFields status = new StatusFields();
  private final ObservableList<String> log = FXCollections.observableArrayList();
  private final RateMeter stepRate = new RateMeter(5_000_000_000L);
  private final RateMeter updateRate = new RateMeter(5_000_000_000L);
  private final Map<Long, Long> sharedStepsSeen = new HashMap<>();
  private final Set<RunKey> active = new LinkedHashSet<>();
  private EventQueue queue = new EventQueue();
  private CancelToken token;
  private ExperimentConfig config;
  // The runner trains all variants of a seed in lock-step (SeedProtocol), one seed after another:
  // progress is the step "frontier" of the current seed.
  private long currentSeed;
  private int seedsStarted;
  private long seedTotalSteps;
  private long frontier;
  private boolean anyRunCancelled;

  public RunViewModel(TaskExecutor executor, ExperimentEngine engine) {
    this.executor = executor;
    this.engine = engine;
  }

  public ReadOnlyObjectProperty<RunState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public RunState getState() {
    return state.get();
  }

  public ReadOnlyObjectProperty<Session> sessionProperty() {
    return session.getReadOnlyProperty();
  }

  public Session getSession() {
    return session.get();
  }

  /** One line about the whole experiment: what is happening, or why it stopped. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public StatusFields status() {
    return status;
  }

  public ObservableList<String> log() {
    return log;
  }

  /** Starts {@code c} on the executor; refuses an invalid config or a second concurrent run. */
  public void start(ExperimentConfig c) {
    if (state.get().isActive()) {
      throw new IllegalStateException("an experiment is already running; cancel it first");
    }
    ConfigValidator.requireValid(c);
    config = c;
    token = new CancelToken();
    queue = new EventQueue();
    seedsStarted = 0;
    seedTotalSteps = 0;
    frontier = 0;
    anyRunCancelled = false;
    stepRate.reset();
    updateRate.reset();
    sharedStepsSeen.clear();
    active.clear();
    log.clear();
    status.reset();
    session.set(new Session(c));
    state.set(RunState.RUNNING);
    message.set("Starting " + c.name() + " (" + plannedRuns() + " runs)…");
    CancelToken myToken = token;
    EventQueue myQueue = queue;
    executor.execute(
        () -> engine.run(c, myQueue, myQueue::log, myToken),
        dir -> finished(myToken, dir, null),
        error -> finished(myToken, null, error));
  }

  /** Asks the engine to stop at its next step; the state becomes CANCELLED when it has. */
  public void cancel() {
    if (state.get() == RunState.RUNNING) {
      token.cancel();
      state.set(RunState.CANCELLING);
      message.set("Cancelling…");
    }
  }

  /** Shows an experiment read from disk (History); refused while a run is active. */
  public void open(Session s) {
    if (state.get().isActive()) {
      throw new IllegalStateException("cannot open an experiment while one is running");
    }
    session.set(s);
    status.reset();
    state.set(RunState.IDLE);
    message.set("Opened " + s.experimentDir());
  }

  private void finished(CancelToken myToken, Path dir, Throwable error) {
    pump();
    Session s = session.get();
    if (dir != null) {
      s.setExperimentDir(dir);
    }
    if (s.experimentDir() != null
        && Files.isRegularFile(s.experimentDir().resolve("summary.json"))) {
      s.setCriteria(ExperimentDirReader.readCriteria(s.experimentDir()));
    }
    status.eta.set("");
    if (myToken.isCancelled() || (error == null && anyRunCancelled)) {
      state.set(RunState.CANCELLED);
      message.set("Cancelled" + where(s));
    } else if (error != null) {
      state.set(RunState.FAILED);
      message.set("Failed: " + describe(error));
      log.add("ERROR " + describe(error));
    } else {
      state.set(RunState.FINISHED);
      message.set("Finished" + where(s));
    }
  }

  private static String where(Session s) {
    return s.experimentDir() == null ? "" : " — " + s.experimentDir();
  }

  static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m == null ? root.getClass().getSimpleName() : m;
  }

  /** Applies everything the engine sent since the last frame; true when something changed. */
  public boolean pump() {
    List<Stamped> batch = queue.drain();
    for (Stamped s : batch) {
      apply(s);
    }
    if (!batch.isEmpty()) {
      updateRateAndEta();
      session.get().touch();
    }
    return !batch.isEmpty();
  }

  private void apply(Stamped stamped) {
    Session s = session.get();
    Object e = stamped.event();
    if (e instanceof StepEvent st) {
      s.series(st.key()).append(st.step(), st.epoch(), st.trainLoss(), st.valLoss(), st.valAcc(),
          st.lr(), st.phase());
      countTrainedStep(stamped.nanos(), st);
      if (st.key().seed() == currentSeed && st.step() > frontier) {
        stepRate.add(stamped.nanos(), st.step() - frontier);
        frontier = st.step();
        status.epoch.set(st.epoch() + "/" + config.epochs());
        status.step.set(st.step() + "/" + seedTotalSteps);
      }
    } else if (e instanceof RunStarted rs) {
      onRunStarted(rs);
    } else if (e instanceof EpochEvent ep) {
      s.series(ep.key()).addEpoch(
          new RunSeries.EpochPoint(ep.epoch(), ep.step(), ep.valLoss(), ep.valAcc()));
    } else if (e instanceof WideningEvent w) {
      s.putWidening(w.key(), WideningInfo.of(w));
      log.add(String.format(
          "%s widened at step %d (trigger: %s): shock %+.4f, function error %.4f",
          w.key(), w.step(), w.trigger(), w.shock(), w.functionError()));
    } else if (e instanceof RunFinished f) {
      if (f.result() != null) {
        s.putResult(f.key(), f.result());
      }
      anyRunCancelled |= f.status() == RunStatus.CANCELLED;
      active.remove(f.key());
      showActiveRuns();
      String m = f.message() == null ? "" : f.message();
      log.add(f.key() + " " + f.status().id() + (m.isBlank() ? ""
          : m.startsWith(f.status().id()) ? " (" + m + ")" : ": " + m));
    } else if (e instanceof LogLine line) {
      addLog(line.text());
    }
  }

  private void onRunStarted(RunStarted rs) {
    Session s = session.get();
    if (seedsStarted == 0 || rs.key().seed() != currentSeed) {
      currentSeed = rs.key().seed();
      seedsStarted++;
      seedTotalSteps = 0;
      frontier = 0;
    }
    seedTotalSteps = Math.max(seedTotalSteps, rs.totalSteps());
    active.add(rs.key());
    s.series(rs.key());
    s.setMethod(rs.key(), rs.variant().method().id());
    s.setRunDir(rs.key(), rs.runDir());
    if (s.experimentDir() == null && rs.runDir() != null) {
      s.setExperimentDir(rs.runDir().getParent());
    }
    status.device.set(rs.device());
    showActiveRuns();
    message.set("Running seed " + currentSeed);
  }

  private void showActiveRuns() {
    String names = String.join(", ", active.stream().map(RunKey::variant).toList());
    status.protocol.set("seed " + currentSeed + " (" + seedsStarted + "/"
        + (config == null ? "?" : config.seeds().size()) + ")"
        + (names.isEmpty() ? "" : ": " + names));
  }

  /** Counts an update once: the shared small prefix is replayed to every widened run of a seed. */
  private void countTrainedStep(long nanos, StepEvent st) {
    if (st.shared()) {
      long seen = sharedStepsSeen.getOrDefault(st.key().seed(), 0L);
      if (st.step() <= seen) {
        return;
      }
      sharedStepsSeen.put(st.key().seed(), st.step());
    }
    updateRate.add(nanos, 1);
  }

  private void updateRateAndEta() {
    double r = stepRate.perSecond();
    double u = updateRate.perSecond();
    status.rate.set(Double.isNaN(r) ? "" : rate(r) + " steps/s (" + rate(u) + " updates/s)");
    if (Double.isNaN(r) || r <= 0 || config == null) {
      return;
    }
    long remaining = Math.max(0, seedTotalSteps - frontier)
        + (long) Math.max(0, config.seeds().size() - seedsStarted) * seedTotalSteps;
    status.eta.set("ETA " + formatDuration(remaining / r));
  }

  private static String rate(double r) {
    return String.format(r < 10 ? "%.1f" : "%.0f", r);
  }

  private int plannedRuns() {
    return config == null ? 0 : config.variants().size() * config.seeds().size();
  }

  static String formatDuration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  private void addLog(String line) {
    log.add(line);
    if (log.size() > MAX_LOG_LINES) {
      log.remove(0, log.size() - MAX_LOG_LINES);
    }
  }

  /** The fields of the status bar, as text. */
  public static final class StatusFields {
    final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper protocol = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper epoch = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");

    void reset() {
      List.of(device, protocol, epoch, step, rate, eta).forEach(p -> p.set(""));
    }

    public ReadOnlyStringProperty device() {
      return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty protocol() {
      return protocol.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epoch() {
      return epoch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty step() {
      return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepsPerSecond() {
      return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty eta() {
      return eta.getReadOnlyProperty();
    }
  }
}
