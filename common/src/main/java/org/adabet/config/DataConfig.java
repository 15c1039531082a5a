package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/**
 * The data of a sweep: the synthetic suite's sizes, the datasets on disk, and the targets (each a
 * synthetic domain's name or a dataset's name).
 */
public record DataConfig(
        int imageSize,
        int sourceClasses,
        int sourceTrainPerClass,
        int sourceTestPerClass,
        List<String> targets,
        int targetTrainPerClass,
        int targetTestPerClass,
        List<DatasetConfig> datasets,
        IdxSuiteConfig idx)
        implements Serializable {

    /** Without an IDX suite. */
    public DataConfig(
            int imageSize,
            int sourceClasses,
            int sourceTrainPerClass,
            int sourceTestPerClass,
            List<String> targets,
            int targetTrainPerClass,
            int targetTestPerClass,
            List<DatasetConfig> datasets) {
        this(
                imageSize,
                sourceClasses,
                sourceTrainPerClass,
                sourceTestPerClass,
                targets,
                targetTrainPerClass,
                targetTestPerClass,
                datasets,
                IdxSuiteConfig.none());
    }

    public DataConfig {
        Check.between("adabet.data.image-size", imageSize, 8, 1024);
        Check.between("adabet.data.source.classes", sourceClasses, 2, 100_000);
        Check.atLeast("adabet.data.source.train-per-class", sourceTrainPerClass, 1);
        Check.atLeast("adabet.data.source.test-per-class", sourceTestPerClass, 1);
        targets =
                Check.distinct(
                        "adabet.data.targets", Check.nonEmpty("adabet.data.targets", targets));
        Check.atLeast("adabet.data.target.train-per-class", targetTrainPerClass, 1);
        Check.atLeast("adabet.data.target.test-per-class", targetTestPerClass, 1);
        datasets = List.copyOf(datasets);
        Check.distinct(
                "adabet.data.datasets (names)",
                datasets.stream().map(DatasetConfig::name).toList());
        if (idx.enabled() && idx.sourceClasses().size() != sourceClasses) {
            throw new ConfigException(
                    "adabet.data.source.classes must equal the "
                            + idx.sourceClasses().size()
                            + " classes of adabet.data.idx.source-classes, was "
                            + sourceClasses);
        }
        for (String t : targets) {
            IdxTarget fromIdx = IdxTarget.fromConfigName(t);
            if (fromIdx != null) {
                if (!idx.offers(fromIdx)) {
                    throw new ConfigException(
                            "adabet.data.targets has '"
                                    + t
                                    + "' but adabet.data.idx does not define it (path, "
                                    + "held-out-classes or subpopulation-classes missing)");
                }
                continue;
            }
            if (TargetDomain.fromConfigName(t) == null && dataset(datasets, t) == null) {
                throw new ConfigException(
                        "adabet.data.targets has unknown value '"
                                + t
                                + "'; allowed: the synthetic "
                                + "domains "
                                + List.of(TargetDomain.values())
                                + ", the IDX suite's "
                                + List.of(IdxTarget.values())
                                + " or a dataset of adabet.data.datasets "
                                + datasets.stream().map(DatasetConfig::name).toList());
            }
        }
    }

    /** The dataset with this name, or null (a synthetic domain). */
    public DatasetConfig dataset(String name) {
        return dataset(datasets, name);
    }

    private static DatasetConfig dataset(List<DatasetConfig> datasets, String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}
