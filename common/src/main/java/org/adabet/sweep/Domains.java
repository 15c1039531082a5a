package org.adabet.sweep;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.adabet.config.DataConfig;
import org.adabet.config.DatasetConfig;
import org.adabet.config.IdxTarget;
import org.adabet.config.TargetDomain;
import org.adabet.data.DomainData;
import org.adabet.data.SyntheticSuite;
import org.adabet.data.ValidationSplit;
import org.adabet.data.io.CifarOptions;
import org.adabet.data.io.CifarReader;
import org.adabet.data.io.IdxSuite;
import org.adabet.data.io.ImageFolderOptions;
import org.adabet.data.io.ImageFolderReader;
import org.adabet.data.io.LoadedDataset;
import org.adabet.data.io.Normalization;
import org.adabet.data.io.Preprocessing;
import org.adabet.seed.Seeds;

/**
 * The data of a target, kept once per JVM: every task of an executor that needs the same domain
 * shares one copy. Synthetic domains are a pure function of (seed, settings); datasets are read
 * from their path (a shared file system on a cluster) with a split drawn from the seed.
 */
public final class Domains {
    private static final Map<String, DomainData> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, LoadedDataset> DATASETS = new ConcurrentHashMap<>();
    private static final Map<String, ValidationSplit.Parts> PARTS = new ConcurrentHashMap<>();

    private Domains() {}

    public static DomainData source(long seed, DataConfig config) {
        return CACHE.computeIfAbsent(
                seed + "|" + config + "|source",
                k ->
                        config.idx().enabled()
                                ? IdxSuite.source(seed, config)
                                : new SyntheticSuite(seed, config).source());
    }

    /**
     * @throws IllegalArgumentException when a dataset is missing, unreadable or has another class
     *     count
     */
    public static DomainData target(long seed, DataConfig config, String target) {
        return CACHE.computeIfAbsent(
                seed + "|" + config + "|" + target, k -> load(seed, config, target));
    }

    /**
     * A target's training split as its fitting part (what selection methods read and retraining
     * trains on) and its validation part (what chooses the epoch): seeded by (run seed, target),
     * stratified, the same for every method and retraining seed.
     *
     * @param fraction adabet.retrain.validation-fraction
     */
    public static ValidationSplit.Parts trainingParts(
            long seed, DataConfig config, double fraction, String target) {
        return PARTS.computeIfAbsent(
                seed + "|" + config + "|" + target + "|" + fraction,
                k ->
                        ValidationSplit.split(
                                target(seed, config, target).train(),
                                fraction,
                                Seeds.derive(seed, "validation-split|" + target)));
    }

    /** Classes of a target: the synthetic suite's, or the dataset's configured count. */
    public static int numClasses(DataConfig config, String target) {
        if (IdxTarget.fromConfigName(target) == IdxTarget.HELD_OUT) {
            return config.idx().heldOutClasses().size();
        }
        DatasetConfig d = config.dataset(target);
        return d == null ? config.sourceClasses() : d.classes();
    }

    /**
     * Whether a target needs a new head: synthetic domains with new classes, the IDX suite's
     * held-out classes, and every dataset.
     */
    public static boolean newHead(DataConfig config, String target) {
        IdxTarget idx = IdxTarget.fromConfigName(target);
        if (idx != null) {
            return idx.hasNewClasses();
        }
        TargetDomain synthetic = TargetDomain.fromConfigName(target);
        return synthetic == null || synthetic.hasNewClasses();
    }

    private static DomainData load(long seed, DataConfig config, String target) {
        IdxTarget idx = IdxTarget.fromConfigName(target);
        if (idx != null) {
            return IdxSuite.target(seed, config, idx);
        }
        TargetDomain synthetic = TargetDomain.fromConfigName(target);
        if (synthetic != null) {
            return new SyntheticSuite(seed, config).target(synthetic);
        }
        DatasetConfig d = config.dataset(target);
        LoadedDataset loaded =
                d.format().equals("cifar")
                        ? (d.classes() == 100
                                ? CifarReader.readCifar100(
                                        Path.of(d.path()), cifarOptions(d, config.imageSize()))
                                : CifarReader.readCifar10(
                                        Path.of(d.path()), cifarOptions(d, config.imageSize())))
                        : ImageFolderReader.read(
                                Path.of(d.path()),
                                ImageFolderOptions.defaults(seed)
                                        .withPreprocessing(
                                                Preprocessing.imagenet(config.imageSize()))
                                        .withTestFraction(d.testFraction())
                                        .withMaxPerClass(d.maxPerClass()));
        DATASETS.put(target, loaded);
        if (loaded.numClasses() != d.classes()) {
            throw new IllegalArgumentException(
                    "dataset '"
                            + d.name()
                            + "' at "
                            + d.path()
                            + " has "
                            + loaded.numClasses()
                            + " classes, adabet.data.datasets says "
                            + d.classes());
        }
        return loaded.toDomainData();
    }

    /**
     * What reading each dataset target found, for the provenance file: class names in label order,
     * split sizes and every skipped image with its reason. Only datasets this JVM has read.
     */
    public static Map<String, Object> datasetReports(DataConfig config) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (String target : config.targets()) {
            LoadedDataset d = DATASETS.get(target);
            if (d != null) {
                Map<String, Object> report = new java.util.LinkedHashMap<>();
                report.put("path", config.dataset(target).path());
                report.put("layout", d.layout().name());
                report.put("classes", d.classNames());
                report.put("train_images", d.report().trainImages());
                report.put("test_images", d.report().testImages());
                report.put(
                        "skipped",
                        d.report().skipped().stream()
                                .map(k -> k.path() + ": " + k.reason())
                                .toList());
                out.put(target, report);
            }
        }
        return out;
    }

    private static CifarOptions cifarOptions(DatasetConfig d, int imageSize) {
        boolean hundred = d.classes() == 100;
        Normalization n = hundred ? Normalization.CIFAR100 : Normalization.CIFAR10;
        return new CifarOptions(n, imageSize, d.maxPerClass());
    }
}
