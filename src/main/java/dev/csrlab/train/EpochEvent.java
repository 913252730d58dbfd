package dev.csrlab.train;

/**
 * End of an epoch: full validation split ({@code Loss/Val_Full}, {@code Accuracy/Val}).
 *
 * @param meanTrainLoss mean batch loss over the epoch's updates
 * @param seconds wall time of the epoch's training updates
 */
public record EpochEvent(
    RunKey key,
    int epoch,
    long step,
    double meanTrainLoss,
    double valLoss,
    double valAcc,
    double seconds) {}
