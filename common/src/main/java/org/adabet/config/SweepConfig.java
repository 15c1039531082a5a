package org.adabet.config;

import java.io.Serializable;

/**
 * The whole, validated configuration of one sweep. Built by {@link ConfigLoader} from HOCON and
 * handed to executors as a value: executors never read files or the environment.
 *
 * @param rendered the effective configuration as canonical HOCON/JSON text (for the run id and provenance)
 */
public record SweepConfig(String name, long seed, DataConfig data, ModelConfig model, TrainConfig pretrain,
        String pretrainCacheDir, StatisticsConfig statistics, SelectionConfig selection, RetrainConfig retrain,
        SparkConfig spark, String outputDir, String rendered) implements Serializable {

    public SweepConfig {
        Check.notBlank("adabet.name", name);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException("adabet.name may hold only letters, digits, '_', '.' and '-', was '" + name + "'");
        }
        Check.notBlank("adabet.pretrain.cache-dir", pretrainCacheDir);
        Check.notBlank("adabet.output.dir", outputDir);
    }
}
