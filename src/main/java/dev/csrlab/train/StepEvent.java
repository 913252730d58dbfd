package dev.csrlab.train;

/**
 * After optimizer update {@code step} (1-based: "at step s" = after s updates, SPEC §2).
 *
 * @param epoch 1-based epoch the update belongs to
 * @param trainLoss batch loss of that update ({@code Loss/Train})
 * @param valLoss subset validation loss after the update ({@code Loss/Val})
 * @param valAcc subset validation accuracy in [0,1] ({@code Accuracy/Val_Subset})
 * @param fullValLoss full-split validation loss, or NaN outside the {@code fullValWindow}
 * @param fullValAcc full-split validation accuracy, or NaN outside the window
 * @param shared true for the small-model prefix shared by every widened variant of a seed
 */
public record StepEvent(
    RunKey key,
    long step,
    int epoch,
    double trainLoss,
    double valLoss,
    double valAcc,
    double lr,
    Phase phase,
    double fullValLoss,
    double fullValAcc,
    boolean shared) {}
