package dev.csrlab.ui.session;

import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.train.RunKey;
import dev.csrlab.train.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the views show about one experiment — a live one or one opened from disk. Mutated
 * only on the FX thread (events arrive through the EventQueue); {@link #version()} increases on
 * every change so a view redraws only when something changed since its last frame.
 */
public final class Session {
  private final Map<RunKey, RunSeries> runs = new LinkedHashMap<>();
  private final Map<RunKey, WideningInfo> widenings = new LinkedHashMap<>();
  private final Map<RunKey, RunResult> results = new LinkedHashMap<>();
  private final Map<RunKey, String> methods = new LinkedHashMap<>();
  private final Map<RunKey, Path> runDirs = new LinkedHashMap<>();
  private final List<String> variantOrder = new ArrayList<>();
  private List<Criterion> criteria = List.of();
  private ExperimentConfig config;
  private Path experimentDir;
  private long version;

  public Session(ExperimentConfig config) {
    this.config = config;
    if (config != null) {
      config.variants().forEach(v -> variantOrder.add(v.name()));
    }
  }

  public long version() {
    return version;
  }

  public void touch() {
    version++;
  }

  public ExperimentConfig config() {
    return config;
  }

  public void setConfig(ExperimentConfig c) {
    config = c;
    touch();
  }

  public Path experimentDir() {
    return experimentDir;
  }

  public void setExperimentDir(Path dir) {
    experimentDir = dir;
    touch();
  }

  /** The run's curves, created on first use. */
  public RunSeries series(RunKey key) {
    if (!variantOrder.contains(key.variant())) {
      variantOrder.add(key.variant());
    }
    return runs.computeIfAbsent(key, RunSeries::new);
  }

  public List<RunSeries> allSeries() {
    return List.copyOf(runs.values());
  }

  /** Position of a variant in the config (stable colours across charts and tables). */
  public int variantIndex(String variant) {
    int i = variantOrder.indexOf(variant);
    return i >= 0 ? i : variantOrder.size();
  }

  public List<String> variants() {
    return List.copyOf(variantOrder);
  }

  public void setRunDir(RunKey key, Path dir) {
    runDirs.put(key, dir);
  }

  /** {@code <experiment>/<variant>-seed<k>/} of a run, or null when not known yet. */
  public Path runDir(RunKey key) {
    Path d = runDirs.get(key);
    return d != null || experimentDir == null ? d : experimentDir.resolve(key.dirName());
  }

  public void setMethod(RunKey key, String method) {
    methods.put(key, method);
    touch();
  }

  /** Method id of a run ("scratch", "net2net", …), or null when unknown. */
  public String method(RunKey key) {
    RunResult r = results.get(key);
    return r != null && r.method() != null ? r.method() : methods.get(key);
  }

  public void putWidening(RunKey key, WideningInfo w) {
    series(key);
    widenings.put(key, w);
    touch();
  }

  public Map<RunKey, WideningInfo> widenings() {
    return Map.copyOf(widenings);
  }

  /** Widening per run in insertion order. */
  public List<Map.Entry<RunKey, WideningInfo>> wideningList() {
    return List.copyOf(widenings.entrySet());
  }

  public void putResult(RunKey key, RunResult r) {
    results.put(key, r);
    touch();
  }

  public List<RunResult> results() {
    return List.copyOf(results.values());
  }

  public List<Criterion> criteria() {
    return criteria;
  }

  public void setCriteria(List<Criterion> c) {
    criteria = List.copyOf(c);
    touch();
  }
}
