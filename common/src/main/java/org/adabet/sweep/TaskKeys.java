package org.adabet.sweep;

/**
 * The key of each task of each stage: unique within its stage and the same on every run of a plan,
 * so a resumed run can tell the tasks it has already done from those it has not.
 */
public final class TaskKeys {
    private TaskKeys() {}

    /** e.g. {@code convnet_s/corrupted|batch=1}, and {@code ...|batch=1|draw=2} for draw 2. */
    public static String statistics(StatisticsTask t) {
        return t.pair().key() + "|batch=" + t.batch() + (t.draw() == 0 ? "" : "|draw=" + t.draw());
    }

    /** One gradient task per pair: the pair's key. */
    public static String gradients(Pair pair) {
        return pair.key();
    }

    /**
     * {@link RetrainTask#key()} plus the layers trained: oracle runs share a method, budget and
     * seed and differ only in their layer.
     */
    public static String retrain(RetrainTask t) {
        return t.key() + "|" + String.join(",", t.layers());
    }
}
