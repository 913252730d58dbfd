package dev.csrlab.ui.config;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** A {@link ConfigField} as a PropertySheet row, backed by the view model's value property. */
final class ConfigItem implements PropertySheet.Item {
  private final ConfigField field;
  private final ConfigViewModel vm;

  ConfigItem(ConfigField field, ConfigViewModel vm) {
    this.field = field;
    this.vm = vm;
  }

  ConfigField field() {
    return field;
  }

  @Override
  public Class<?> getType() {
    return field.type();
  }

  @Override
  public String getCategory() {
    return field.category();
  }

  @Override
  public String getName() {
    return field.name();
  }

  @Override
  public String getDescription() {
    return field.description() + " [" + field.key() + "]";
  }

  @Override
  public Object getValue() {
    return vm.value(field.key()).get();
  }

  @Override
  public void setValue(Object value) {
    vm.value(field.key()).set(value);
  }

  @Override
  public Optional<ObservableValue<? extends Object>> getObservableValue() {
    return Optional.of(vm.value(field.key()));
  }
}
