package org.adabet.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.Serializable;
import java.util.List;
import org.adabet.device.DeviceProfile;

/**
 * The whole, validated configuration of one sweep. Built by {@link ConfigLoader} from HOCON and
 * handed to executors as a value: executors never read files or the environment.
 *
 * @param frozenBits bit width of frozen parameters in the memory model
 * @param profilingBatch images of the one batch the reference's memory rule profiles
 * @param oracle whether to retrain every candidate layer alone and compare the methods' scores with
 *     the gains
 * @param rendered the effective configuration as canonical HOCON/JSON text (for the run id and
 *     provenance)
 */
public record SweepConfig(
        String name,
        long seed,
        DataConfig data,
        ModelConfig model,
        TrainConfig pretrain,
        String pretrainCacheDir,
        StatisticsConfig statistics,
        SelectionConfig selection,
        int frozenBits,
        int profilingBatch,
        RetrainConfig retrain,
        boolean oracle,
        List<DeviceProfile> devices,
        SparkConfig spark,
        String outputDir,
        String rendered)
        implements Serializable {

    public SweepConfig {
        Check.notBlank("adabet.name", name);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new ConfigException(
                    "adabet.name may hold only letters, digits, '_', '.' and '-', was '"
                            + name
                            + "'");
        }
        Check.notBlank("adabet.pretrain.cache-dir", pretrainCacheDir);
        Check.notBlank("adabet.output.dir", outputDir);
        Check.between("adabet.memory.frozen-bits", frozenBits, 1, 32);
        Check.between("adabet.memory.profiling-batch", profilingBatch, 1, 1 << 16);
        devices = List.copyOf(devices);
        Check.distinct(
                "adabet.devices (names)", devices.stream().map(DeviceProfile::name).toList());
    }

    /** Settings that say where and how fast a run happens, not what it computes. */
    public static final List<String> NOT_SCIENCE =
            List.of("spark", "output", "pretrain.cache-dir", "retrain.prefix-cache");

    /**
     * The configuration that decides the results, as canonical text: {@link #rendered} without
     * {@link #NOT_SCIENCE} (the Spark master and partitions, the output location, the cache folder,
     * the prefix-cache switch), so that moving a run to a cluster or another folder keeps its
     * identity.
     */
    public String science() {
        Config c = ConfigFactory.parseString(rendered);
        for (String path : NOT_SCIENCE) {
            c = c.withoutPath(path);
        }
        return c.root().render(ConfigRenderOptions.concise());
    }
}
