package dev.csrlab.log.tensorboard;

/** The TensorBoard tags of SPEC §2 — the one place their spelling lives. */
public final class Tags {
  public static final String LOSS_TRAIN = "Loss/Train";
  public static final String LOSS_VAL = "Loss/Val";
  public static final String ACC_VAL_SUBSET = "Accuracy/Val_Subset";
  public static final String LOSS_VAL_FULL = "Loss/Val_Full";
  public static final String ACC_VAL = "Accuracy/Val";
  public static final String VAL_LOSS_BEFORE = "Widening/Val_Loss_Before";
  public static final String VAL_LOSS_AFTER = "Widening/Val_Loss_After";
  public static final String VAL_ACC_BEFORE = "Widening/Val_Acc_Before";
  public static final String VAL_ACC_AFTER = "Widening/Val_Acc_After";
  public static final String EXPANSION_SHOCK = "Metric/Expansion_Shock";
  public static final String PEAK_SHOCK = "Metric/Peak_Shock";
  public static final String EXCESS_LOSS_AREA = "Metric/Excess_Loss_Area";
  public static final String FUNCTION_ERROR = "Metric/Function_Error";
  public static final String FUNCTION_KL = "Metric/Function_KL";
  public static final String RECOVERY_STEPS = "Metric/Recovery_Steps";
  public static final String ACC_TEST = "Accuracy/Test";
  public static final String LOSS_TEST = "Loss/Test";

  /** Markdown table of the run's configuration, at step 0. */
  public static final String CONFIG_TEXT = "config/text_summary";

  /** The run's final status (and message), at its last step. */
  public static final String STATUS_TEXT = "run/status";

  private Tags() {}

  /** {@code Seriation/Path_Similarity/hidden<l>/<which>}, which ∈ before, after, random. */
  public static String pathSimilarity(int hidden, String which) {
    return "Seriation/Path_Similarity/hidden" + hidden + "/" + which;
  }

  /** {@code Weight/Spectrum/hidden<l>/<which>}, which ∈ before, after. */
  public static String spectrum(int hidden, String which) {
    return "Weight/Spectrum/hidden" + hidden + "/" + which;
  }
}
