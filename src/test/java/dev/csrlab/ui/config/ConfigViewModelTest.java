package dev.csrlab.ui.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.csrlab.config.ConfigException;
import dev.csrlab.config.ConfigValidator;
import dev.csrlab.config.ExperimentConfig;
import dev.csrlab.config.Method;
import dev.csrlab.config.Options;
import dev.csrlab.config.Options.TriggerKind;
import dev.csrlab.config.VariantSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigViewModelTest {
  private final ConfigViewModel vm = new ConfigViewModel(ExperimentConfig.defaults());

  @Test
  void theSpecDefaultsAreValidAndProduceTheSameRecord() {
    assertTrue(vm.isValid(), vm.problems().toString());
    assertEquals(ExperimentConfig.defaults(), vm.getConfig());
  }

  @Test
  void unparseableTextIsMarkedOnItsFieldAndBlocksRunning() {
    vm.value("batchSize").set("12x");
    assertFalse(vm.isValid());
    assertTrue(vm.problem("batchSize").get().contains("not a whole number"),
        vm.problem("batchSize").get());
    assertEquals("", vm.problem("lr").get());
    vm.value("batchSize").set("64");
    assertTrue(vm.isValid(), vm.problems().toString());
    assertEquals(64, vm.getConfig().batchSize());
  }

  @Test
  void validatorProblemsAreAttachedToEveryFieldTheyConcern() {
    vm.value("epochs").set("1");
    assertFalse(vm.isValid());
    assertTrue(vm.problem("epochs").get().contains("must be ≥ 2"), vm.problem("epochs").get());
    // T = 3 is no longer ≤ E−1: the trigger field is marked too, with the validator's reason.
    assertTrue(vm.problem("triggerEpoch").get().contains("outside 1 ≤ T ≤ E−1"),
        vm.problem("triggerEpoch").get());
    assertEquals(vm.problems().size(), ConfigValidator.problems(vm.getConfig()).size());
  }

  @Test
  void aTooLargeBatchIsExplained() {
    vm.value("trainSubset").set("100");
    vm.value("batchSize").set("128");
    assertTrue(vm.problem("batchSize").get().contains("larger than the training set"),
        vm.problem("batchSize").get());
  }

  @Test
  void triggerFieldsEditTheTriggerSpec() {
    vm.value("trigger").set("step");
    vm.value("triggerStep").set("1500");
    assertTrue(vm.isValid(), vm.problems().toString());
    assertEquals(TriggerKind.STEP, vm.getConfig().widening().kind());
    assertEquals(1500, vm.getConfig().widening().step());
  }

  @Test
  void variantsAcceptAliasesAndOptionsApplyOnlyWhereTheyMeanSomething() {
    vm.value("variants").set("A, C, continuous-random");
    vm.value("energy").set("pinv");
    vm.value("ordering").set("greedy");
    List<VariantSpec> v = vm.getConfig().variants();
    assertEquals(List.of(Method.SCRATCH, Method.CONTINUOUS, Method.CONTINUOUS_RANDOM),
        v.stream().map(VariantSpec::method).toList());
    assertEquals(Options.Energy.PINV, v.get(1).energy());
    assertEquals(Options.Energy.PINV, v.get(2).energy());
    assertEquals(Options.Ordering.GREEDY, v.get(1).ordering());
    // The random-order ablation keeps its own ordering: that is what it ablates.
    assertEquals(Options.Ordering.RANDOM, v.get(2).ordering());
  }

  @Test
  void anUnknownVariantSaysWhichAreKnown() {
    vm.value("variants").set("A,Z");
    assertTrue(vm.problem("variants").get().contains("known:"), vm.problem("variants").get());
  }

  @Test
  void seedRangesExpand() {
    vm.value("seeds").set("0-4");
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), vm.getConfig().seeds());
    vm.value("seeds").set("1,1");
    assertTrue(vm.problem("seeds").get().contains("duplicates"));
  }

  @Test
  void quickLookPresetIsValidAndWidensMidWay() {
    vm.applyPreset(Preset.QUICK_LOOK);
    ExperimentConfig c = vm.getConfig();
    assertTrue(vm.isValid(), vm.problems().toString());
    assertEquals(6000, c.trainSubset());
    assertEquals(2, c.epochs());
    long total = ConfigValidator.stepsPerEpoch(c) * c.epochs();
    assertEquals(total / 2, c.widening().step());
    assertEquals("6000", vm.value("trainSubset").get(), "the form shows the preset");
  }

  @Test
  void presetReplacesPendingEdits() {
    vm.value("batchSize").set("nonsense");
    vm.applyPreset(Preset.SPEC_DEFAULT);
    assertTrue(vm.isValid());
    assertEquals("128", vm.value("batchSize").get());
  }

  @Test
  void saveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
    vm.value("lr").set("3e-4");
    vm.value("variants").set("B,C");
    Path f = dir.resolve("cfg.json");
    vm.save(f);
    ConfigViewModel other = new ConfigViewModel(ExperimentConfig.defaults());
    other.load(f);
    assertEquals(vm.getConfig(), other.getConfig());
    assertEquals("3.0E-4", other.value("lr").get());
  }

  @Test
  void loadingABadFileSaysWhatIsWrongAndKeepsTheForm(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"batchSize\": 64, \"colour\": \"red\"}");
    ConfigException e = assertThrows(ConfigException.class, () -> vm.load(f));
    assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());
    assertEquals(ExperimentConfig.defaults(), vm.getConfig());
  }

  @Test
  void summaryDescribesTheRun() {
    vm.applyPreset(Preset.QUICK_LOOK);
    assertTrue(vm.summaryProperty().get().contains("47 steps/epoch"), vm.summaryProperty().get());
  }
}
