package dev.csrlab.ui.config;

import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ConfigJson;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editable form behind the Configure tab. Edits are kept as the user typed them and applied
 * over a base config (a preset or a loaded file) with {@link ExperimentConfig#toBuilder()}, so
 * the result is exactly the record the CLI uses. Every problem — unparseable text or a validator
 * message — is listed, and attached to the field it is about.
 */
public final class ConfigViewModel {
  private final List<ConfigField> fields = ConfigFields.all();
  private final Map<String, ObjectProperty<Object>> values = new LinkedHashMap<>();
  private final Map<String, ReadOnlyStringWrapper> fieldProblems = new LinkedHashMap<>();
  private final Map<String, Object> edits = new LinkedHashMap<>();
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<ExperimentConfig> config = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private ExperimentConfig base;
  private boolean loading;

  public ConfigViewModel(ExperimentConfig initial) {
    for (ConfigField f : fields) {
      SimpleObjectProperty<Object> p = new SimpleObjectProperty<>();
      p.addListener((o, a, b) -> {
        if (!loading) {
          edit(f.key(), b);
        }
      });
      values.put(f.key(), p);
      fieldProblems.put(f.key(), new ReadOnlyStringWrapper(""));
    }
    setBase(initial);
  }

  public List<ConfigField> fields() {
    return fields;
  }

  /** The displayed value of a field (text, Boolean, or a choice id); set it to edit. */
  public ObjectProperty<Object> value(String key) {
    ObjectProperty<Object> p = values.get(key);
    if (p == null) {
      throw new IllegalArgumentException(
          "no config field '" + key + "'; known: " + values.keySet());
    }
    return p;
  }

  /** Why this field is invalid, or "" when it is fine. */
  public ReadOnlyStringProperty problem(String key) {
    return fieldProblems.get(key).getReadOnlyProperty();
  }

  public ObservableList<String> problems() {
    return FXCollections.unmodifiableObservableList(problems);
  }

  /** The config the form describes (built even when invalid; check {@link #validProperty}). */
  public ReadOnlyObjectProperty<ExperimentConfig> configProperty() {
    return config.getReadOnlyProperty();
  }

  public ExperimentConfig getConfig() {
    return config.get();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }

  public boolean isValid() {
    return valid.get();
  }

  /** "47 steps/epoch · 94 steps · 3 variants × 1 seed" — what a run of this config will do. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Replaces the whole form with {@code c} (preset, loaded file); drops pending edits. */
  public void setBase(ExperimentConfig c) {
    base = c;
    edits.clear();
    loading = true;
    try {
      for (ConfigField f : fields) {
        values.get(f.key()).set(f.read().apply(c));
      }
    } finally {
      loading = false;
    }
    rebuild();
  }

  public void applyPreset(Preset p) {
    setBase(p.config());
  }

  /** Records an edit of one field and re-validates everything. */
  public void edit(String key, Object value) {
    edits.put(key, value);
    if (!loading && !java.util.Objects.equals(values.get(key).get(), value)) {
      loading = true;
      values.get(key).set(value);
      loading = false;
    }
    rebuild();
  }

  /** Loads a config file; on error the form is unchanged and the exception says why. */
  public void load(Path file) {
    setBase(ConfigJson.read(file));
  }

  public void save(Path file) throws IOException {
    ConfigJson.write(config.get(), file);
  }

  private void rebuild() {
    List<String> all = new ArrayList<>();
    Map<String, String> byField = new LinkedHashMap<>();
    ExperimentConfig.Builder b = base.toBuilder();
    List<ConfigField> order = new ArrayList<>(fields);
    order.sort(Comparator.comparing(f -> !f.applyFirst()));
    for (ConfigField f : order) {
      if (!edits.containsKey(f.key())) {
        continue;
      }
      try {
        f.apply().apply(b, edits.get(f.key()));
      } catch (RuntimeException e) {
        String m = e instanceof ConfigException ce ? String.join("; ", ce.problems())
            : e.getMessage();
        all.add(m);
        byField.put(f.key(), m);
      }
    }
    ExperimentConfig c = b.build();
    for (String p : ConfigValidator.problems(c)) {
      all.add(p);
      fields.stream().filter(f -> f.owns(p)).forEach(f -> byField.merge(f.key(), p,
          (x, y) -> x + "\n" + y));
    }
    fieldProblems.forEach((k, w) -> w.set(byField.getOrDefault(k, "")));
    problems.setAll(all);
    config.set(c);
    valid.set(all.isEmpty());
    summary.set(describe(c));
  }

  private static String describe(ExperimentConfig c) {
    long perEpoch = ConfigValidator.stepsPerEpoch(c);
    return String.format("%,d training samples · %,d steps/epoch · %,d steps per run · "
        + "%d variant%s × %d seed%s", ConfigValidator.trainSize(c), perEpoch,
        perEpoch * Math.max(0, c.epochs()), c.variants().size(),
        c.variants().size() == 1 ? "" : "s", c.seeds().size(), c.seeds().size() == 1 ? "" : "s");
  }
}
