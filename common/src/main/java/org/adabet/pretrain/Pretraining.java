package org.adabet.pretrain;

import java.util.List;
import org.adabet.config.TrainConfig;
import org.adabet.data.DomainData;
import org.adabet.model.Architecture;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.retrain.Trainer;
import org.adabet.retrain.TrainingResult;
import org.adabet.seed.Seeds;

/** Trains every layer of a fresh network on the source domain. */
public final class Pretraining {
    private Pretraining() {}

    public static PretrainedModel run(
            String key,
            Architecture architecture,
            DomainData source,
            TrainConfig config,
            long seed) {
        try (Network net =
                Networks.create(architecture, Seeds.derive(seed, "pretrain-init|" + key))) {
            List<String> all = net.layers().stream().map(LayerInfo::name).toList();
            net.setTrainable(all);
            TrainingResult result =
                    Trainer.train(
                            net,
                            source.train(),
                            source.test(),
                            config,
                            Seeds.derive(seed, "pretrain-shuffle|" + key));
            return new PretrainedModel(
                    key,
                    architecture.name(),
                    net.parameters().toBytes(),
                    result.finalAccuracy(),
                    result.wallMillis(),
                    false);
        }
    }
}
