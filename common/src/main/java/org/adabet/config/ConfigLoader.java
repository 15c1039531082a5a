package org.adabet.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adabet.device.DeviceProfile;

/**
 * Reads a sweep configuration: a HOCON file (or the name of a bundled one: {@code quick}, {@code
 * base}), then {@code key=value} overrides, then binds the result to {@link SweepConfig}. Every key
 * must exist in {@code base.conf}; unknown keys and bad values fail here, before any Spark session
 * starts.
 */
public final class ConfigLoader {
    /** Classpath folder holding the bundled copies of conf/*.conf. */
    public static final String BUNDLED = "adabet/conf/";

    private ConfigLoader() {}

    /**
     * @param source a path to a .conf file, or the name of a bundled configuration
     * @param overrides {@code key=value} pairs in HOCON syntax, applied in order
     */
    public static SweepConfig load(String source, List<String> overrides) {
        return load(parseSource(source), source, overrides);
    }

    /**
     * A configuration as a run recorded it ({@link SweepConfig#rendered}, e.g. from its provenance
     * file), with overrides; checked as a file is.
     *
     * @param source names the text in error messages
     */
    public static SweepConfig loadRendered(String rendered, String source, List<String> overrides) {
        Config file;
        try {
            file = ConfigFactory.parseString(rendered).atKey("adabet");
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(source + ": not a configuration: " + e.getMessage(), e);
        }
        return load(file, source, overrides);
    }

    private static SweepConfig load(Config file, String source, List<String> overrides) {
        Config merged = file;
        for (String override : overrides) {
            merged = parseOverride(override).withFallback(merged);
        }
        merged = systemOverrides().withFallback(merged);
        merged = merged.resolve();
        Config reference =
                ConfigFactory.parseResources(
                                BUNDLED + "base.conf",
                                ConfigParseOptions.defaults().setAllowMissing(false))
                        .resolve();
        rejectUnknownKeys(merged, reference, source);
        rejectWrongTypes(merged, reference);
        return bind(merged.withFallback(reference));
    }

    /**
     * {@code -Dadabet.key=value} JVM options (the usual way through {@code
     * spark.driver.extraJavaOptions}) override the file and {@code --set}; the launcher's own
     * properties ({@code adabet.cwd}, {@code adabet.git.commit}) are not settings.
     */
    static Config systemOverrides() {
        ConfigFactory.invalidateCaches();
        Config sys = ConfigFactory.systemProperties();
        if (!sys.hasPath("adabet")) {
            return ConfigFactory.empty();
        }
        return sys.withOnlyPath("adabet").withoutPath("adabet.cwd").withoutPath("adabet.git");
    }

    /**
     * A file argument, resolved from the caller's directory ({@code -Dadabet.cwd}, set by the
     * launcher).
     */
    static File callerFile(String path) {
        File file = new File(path);
        String cwd = System.getProperty("adabet.cwd");
        return file.isAbsolute() || cwd == null ? file : new File(cwd, path);
    }

    private static Config parseSource(String source) {
        File file = callerFile(source);
        if (file.isFile()) {
            return ConfigFactory.parseFile(file, BundledConfigs.options());
        }
        if (BundledConfigs.isBundled(source)) {
            return BundledConfigs.parse(source);
        }
        throw new ConfigException(
                "configuration '"
                        + source
                        + "' is neither a readable file ("
                        + file
                        + ") nor a bundled configuration (bundled: "
                        + String.join(", ", BundledConfigs.NAMES)
                        + ")");
    }

    private static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("override must look like key=value, was '" + override + "'");
        }
        String key = override.substring(0, eq).trim();
        if (!key.startsWith("adabet.")) {
            key = "adabet." + key;
        }
        try {
            return ConfigFactory.parseString(key + " = " + override.substring(eq + 1));
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(
                    "override '" + override + "' is not valid HOCON: " + e.getMessage(), e);
        }
    }

    private static void rejectUnknownKeys(Config config, Config reference, String source) {
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            // adabet.model.weights is a map whose keys are the user's (architecture names).
            if (!reference.hasPathOrNull(entry.getKey())
                    && !entry.getKey().startsWith("adabet.model.weights.")) {
                unknown.add(
                        entry.getKey()
                                + " = "
                                + entry.getValue().render(ConfigRenderOptions.concise()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(
                    "unknown configuration key(s) in '"
                            + source
                            + "' or overrides: "
                            + unknown
                            + " (every key must appear in conf/base.conf)");
        }
    }

    /**
     * A value whose type differs from the default's ("epochs = many") fails here, naming key and
     * value.
     */
    private static void rejectWrongTypes(Config config, Config reference) {
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            if (!reference.hasPathOrNull(entry.getKey())) {
                continue; // a user map entry (model.weights), checked when bound
            }
            ConfigValue expected = reference.getValue(entry.getKey());
            ConfigValue given = entry.getValue();
            boolean numberAsString =
                    expected.valueType() == ConfigValueType.NUMBER
                            && given.valueType() == ConfigValueType.STRING
                            && isNumber((String) given.unwrapped());
            if (expected.valueType() != given.valueType()
                    && !numberAsString
                    && expected.valueType() != ConfigValueType.STRING) {
                throw new ConfigException(
                        entry.getKey()
                                + " must be a "
                                + expected.valueType().name().toLowerCase()
                                + ", was "
                                + given.render(ConfigRenderOptions.concise()));
            }
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static SweepConfig bind(Config c) {
        return read(
                () ->
                        new SweepConfig(
                                c.getString("adabet.name"),
                                c.getLong("adabet.seed"),
                                bindData(c),
                                new ModelConfig(
                                        c.getStringList("adabet.model.architectures"),
                                        c.getInt("adabet.model.width"),
                                        bindWeights(c)),
                                bindTraining(c, "adabet.pretrain"),
                                c.getString("adabet.pretrain.cache-dir"),
                                new StatisticsConfig(
                                        c.getInt("adabet.statistics.batches"),
                                        c.getInt("adabet.statistics.batch-size"),
                                        c.getInt("adabet.statistics.max-dimension"),
                                        c.getInt("adabet.statistics.batch-draws")),
                                new SelectionConfig(
                                        c.getStringList("adabet.selection.methods"),
                                        c.getDoubleList("adabet.selection.rhos"),
                                        c.getBytesList("adabet.selection.memory-budgets"),
                                        c.getBoolean("adabet.selection.force-head"),
                                        c.getDouble("adabet.selection.channel-fraction"),
                                        c.getDouble("adabet.selection.persistence-threshold"),
                                        c.getInt("adabet.selection.random-draws"),
                                        c.getBoolean("adabet.selection.head-forced-variants")),
                                c.getInt("adabet.memory.frozen-bits"),
                                c.getInt("adabet.memory.profiling-batch"),
                                new RetrainConfig(
                                        bindTraining(c, "adabet.retrain"),
                                        c.getLongList("adabet.retrain.seeds"),
                                        c.getDouble("adabet.retrain.validation-fraction"),
                                        c.getBoolean("adabet.retrain.prefix-cache"),
                                        false),
                                c.getBoolean("adabet.oracle.enabled"),
                                bindDevices(c),
                                new SparkConfig(
                                        c.getString("adabet.spark.master"),
                                        c.getInt("adabet.spark.partitions")),
                                c.getString("adabet.output.dir"),
                                c.getConfig("adabet")
                                        .root()
                                        .render(ConfigRenderOptions.concise().setFormatted(true))));
    }

    private static List<DeviceProfile> bindDevices(Config c) {
        List<DeviceProfile> out = new ArrayList<>();
        for (Config d : c.getConfigList("adabet.devices")) {
            onlyKeys("adabet.devices", d, List.of("name", "memory", "gflops"));
            try {
                out.add(
                        new DeviceProfile(
                                d.getString("name"), d.getBytes("memory"), d.getDouble("gflops")));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        return out;
    }

    /** An entry of a list of objects may hold only these keys. */
    private static void onlyKeys(String list, Config entry, List<String> allowed) {
        for (String key : entry.root().keySet()) {
            if (!allowed.contains(key)) {
                throw new ConfigException(
                        list
                                + ": unknown key '"
                                + key
                                + "' in "
                                + entry.root().render(ConfigRenderOptions.concise())
                                + " (keys: "
                                + allowed
                                + ")");
            }
        }
    }

    private static Map<String, String> bindWeights(Config c) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e :
                c.getConfig("adabet.model.weights").root().entrySet()) {
            out.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
        }
        return out;
    }

    private static DataConfig bindData(Config c) {
        List<DatasetConfig> datasets = new ArrayList<>();
        for (Config d : c.getConfigList("adabet.data.datasets")) {
            Config full =
                    d.withFallback(
                            ConfigFactory.parseMap(
                                    Map.of("test-fraction", 0.2, "max-per-class", 0)));
            onlyKeys(
                    "adabet.data.datasets",
                    d,
                    List.of("name", "format", "path", "classes", "test-fraction", "max-per-class"));
            datasets.add(
                    new DatasetConfig(
                            full.getString("name"),
                            full.getString("format"),
                            full.getString("path"),
                            full.getInt("classes"),
                            full.getDouble("test-fraction"),
                            full.getInt("max-per-class")));
        }
        return new DataConfig(
                c.getInt("adabet.data.image-size"),
                c.getInt("adabet.data.source.classes"),
                c.getInt("adabet.data.source.train-per-class"),
                c.getInt("adabet.data.source.test-per-class"),
                c.getStringList("adabet.data.targets"),
                c.getInt("adabet.data.target.train-per-class"),
                c.getInt("adabet.data.target.test-per-class"),
                datasets,
                bindIdx(c));
    }

    @SuppressWarnings("unchecked")
    private static IdxSuiteConfig bindIdx(Config c) {
        String key = "adabet.data.idx";
        List<List<Integer>> source = new ArrayList<>();
        List<List<Integer>> subpopulation = new ArrayList<>();
        for (String list : List.of("source-classes", "subpopulation-classes")) {
            for (Object entry : c.getList(key + "." + list).unwrapped()) {
                if (!(entry instanceof List<?> labels)
                        || !labels.stream().allMatch(l -> l instanceof Integer)) {
                    throw new ConfigException(
                            key + "." + list + " must be a list of lists of labels, had " + entry);
                }
                (list.equals("source-classes") ? source : subpopulation)
                        .add((List<Integer>) labels);
            }
        }
        return new IdxSuiteConfig(
                c.getString(key + ".path"),
                source,
                subpopulation,
                c.getIntList(key + ".held-out-classes"));
    }

    private static TrainConfig bindTraining(Config c, String prefix) {
        return new TrainConfig(
                prefix,
                c.getInt(prefix + ".epochs"),
                c.getInt(prefix + ".batch-size"),
                c.getDouble(prefix + ".learning-rate"),
                c.getDouble(prefix + ".momentum"),
                c.getDouble(prefix + ".weight-decay"));
    }

    /**
     * Turns the library's type errors ("expected NUMBER, got STRING") into ours, with key and
     * value.
     */
    private static <T> T read(java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException("bad value: " + e.getMessage(), e);
        }
    }
}
