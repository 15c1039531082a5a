package org.adabet.config;

import java.io.Serializable;
import java.util.List;
import org.adabet.data.TargetDomain;

/** The synthetic domain-shift suite: image size, source domain sizes and target domains. */
public record DataConfig(int imageSize, int sourceClasses, int sourceTrainPerClass, int sourceTestPerClass,
        List<TargetDomain> targets, int targetTrainPerClass, int targetTestPerClass) implements Serializable {

    public DataConfig {
        Check.between("adabet.data.image-size", imageSize, 8, 256);
        Check.between("adabet.data.source.classes", sourceClasses, 2, 1000);
        Check.atLeast("adabet.data.source.train-per-class", sourceTrainPerClass, 1);
        Check.atLeast("adabet.data.source.test-per-class", sourceTestPerClass, 1);
        targets = Check.distinct("adabet.data.targets", Check.nonEmpty("adabet.data.targets", targets));
        Check.atLeast("adabet.data.target.train-per-class", targetTrainPerClass, 1);
        Check.atLeast("adabet.data.target.test-per-class", targetTestPerClass, 1);
    }
}
