package org.adabet.jobs.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.model.NetworkParameters;
import org.adabet.pretrain.PretrainCache;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.pretrain.PretrainedWeights;
import org.adabet.sweep.SweepPlan;
import org.adabet.sweep.SweepTasks;

/**
 * pretrain -> {@code pretrain}: reuses cached models, pretrains the others as Spark tasks (one per
 * architecture) and caches them. Later stages get the models through {@link StageContext#models},
 * which reads the same cache.
 */
final class PretrainStage extends Stage {
    PretrainStage() {
        super("pretrain", List.of(), List.of(Tables.PRETRAIN));
    }

    @Override
    public void run(StageContext c) {
        Map<String, PretrainedModel> models = models(c);
        c.write(
                Tables.PRETRAIN,
                Tables.PRETRAIN_SCHEMA,
                models.values().stream().map(m -> Tables.pretrainRow(c.runId(), m)).toList());
    }

    /**
     * Every architecture's pretrained model: user weights, the cache, or pretrained now (and
     * cached). The cache stays a driver-local folder (java.nio): only the driver reads and fills
     * it.
     */
    static Map<String, PretrainedModel> models(StageContext c) {
        SweepConfig config = c.config();
        PretrainCache cache = new PretrainCache(Path.of(config.pretrainCacheDir()));
        Map<String, PretrainedModel> models = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String arch : config.model().architectures()) {
            String file = config.model().weights().get(arch);
            if (file != null) {
                models.put(
                        arch,
                        PretrainedWeights.load(
                                Path.of(file), SweepPlan.sourceArchitecture(config, arch)));
                continue;
            }
            String key = SweepTasks.pretrainKey(config, arch);
            Optional<NetworkParameters> cached = cache.get(key);
            if (cached.isPresent()) {
                models.put(
                        arch,
                        new PretrainedModel(
                                key, arch, cached.get().toBytes(), Double.NaN, 0, true));
            } else {
                missing.add(arch);
            }
        }
        List<PretrainedModel> trained =
                c.runner()
                        .distribute("pretrain", missing, arch -> SweepTasks.pretrain(config, arch));
        for (PretrainedModel m : trained) {
            cache.put(m.key(), m.networkParameters());
            models.put(m.architecture(), m);
        }
        return models;
    }
}
