package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.config.SweepConfig;
import org.adabet.data.ImageSet;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.NetworkParameters;
import org.adabet.model.Networks;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.selection.Retraining;
import org.adabet.selection.SelectionMethods;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every selection method on a tiny net, from real statistics and gradients: what it selects is what
 * trains, and everything else (weights, masked channels, BatchNorm statistics) stays bit-identical.
 */
class EveryMethodFreezesTest {

    @ParameterizedTest
    @ValueSource(strings = {"convnet_s", "resnet8"})
    void eachMethodTrainsExactlyWhatItSelected(String architecture) {
        SweepConfig config =
                TinySweep.config(
                        "[" + architecture + "]",
                        "statistics.batches=2",
                        "statistics.batch-size=16",
                        "retrain.seeds=[0]",
                        "selection.memory-budgets=[2M]",
                        "selection.methods=${adabet.selection.methods}"
                                + " [inverse_dimension, representation_change, bn_stats]",
                        "data.targets=[corrupted]");
        SweepPlan plan = SweepPlan.of(config);
        PretrainedModel model = SweepTasks.pretrain(config, architecture);
        Pair pair = plan.pairs().get(0);
        List<StatisticsOutcome> stats =
                plan.statisticsTasks().stream()
                        .map(t -> SweepTasks.statistics(config, model, t))
                        .toList();
        PairSelectionInputs inputs =
                PairSelectionInputs.of(stats, SweepTasks.gradients(config, model, pair));
        List<LayerInfo> layers = SweepTasks.layers(config, pair);
        SweepPlan.Runs runs = plan.retrainTasks(Map.of(pair, layers), Map.of(pair, inputs));
        assertEquals(List.of(), runs.failed().stream().map(RetrainOutcome::error).toList());
        Set<String> methods = new HashSet<>();
        ImageSet train = Domains.target(config.seed(), config.data(), "corrupted").train();
        for (RetrainTask task : runs.tasks()) {
            methods.add(task.method());
            try (Network net =
                    Networks.load(
                            SweepPlan.targetArchitecture(config, pair),
                            model.networkParameters(),
                            false,
                            1)) {
                net.setTrainable(task.spec());
                Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
                int[] order = train.naturalOrder();
                boolean adapts =
                        SelectionMethods.retraining(task.method())
                                == Retraining.BATCH_NORM_STATISTICS;
                if (adapts) {
                    net.adaptBatchNorm(train.gather(order, 0, 16), 16, 8);
                } else {
                    net.trainStep(
                            train.gather(order, 0, 8),
                            train.gatherLabels(order, 0, 8),
                            8,
                            0.1,
                            0.9,
                            1e-3);
                }
                Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();
                for (String name : before.keySet()) {
                    if (adapts) {
                        // No weight moves; every BatchNorm's statistics do.
                        assertEquals(
                                name.contains(".running_"),
                                !Arrays.equals(before.get(name).values(), after.get(name).values()),
                                task.key() + " " + name);
                    } else {
                        checkTensor(task, name, before.get(name), after.get(name));
                    }
                }
            }
        }
        assertEquals(
                new HashSet<>(SelectionMethods.names()),
                methods,
                "every registered method was exercised");
    }

    private static void checkTensor(
            RetrainTask task,
            String name,
            NetworkParameters.Tensor before,
            NetworkParameters.Tensor after) {
        String layer = name.substring(0, name.lastIndexOf('.'));
        String parameter = name.substring(name.lastIndexOf('.') + 1);
        boolean whole = task.spec().layers().contains(layer);
        boolean biasOnly = task.spec().biasOnly().contains(layer);
        boolean bias = biasOnly && parameter.equals("bias");
        String where = task.key() + " " + name;
        if (biasOnly && parameter.startsWith("running_")) {
            // A bias-only BatchNorm runs in training mode (TinyTL trains with batch statistics),
            // so its running statistics may move; its scale may not (checked below).
            return;
        }
        if (!whole && !bias) {
            assertTrue(
                    Arrays.equals(before.values(), after.values()),
                    "frozen tensor moved: " + where);
            return;
        }
        boolean[] mask = task.spec().channelMasks().get(layer);
        if (mask == null) {
            assertFalse(
                    Arrays.equals(before.values(), after.values()),
                    "selected tensor did not move: " + where);
            return;
        }
        int per = before.values().length / mask.length;
        for (int c = 0; c < mask.length; c++) {
            boolean same =
                    Arrays.equals(
                            Arrays.copyOfRange(before.values(), c * per, (c + 1) * per),
                            Arrays.copyOfRange(after.values(), c * per, (c + 1) * per));
            if (!mask[c]) {
                assertTrue(same, "masked channel " + c + " moved: " + where);
            }
        }
    }
}
