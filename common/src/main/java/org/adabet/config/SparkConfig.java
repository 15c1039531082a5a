package org.adabet.config;

import java.io.Serializable;

/** Spark settings used when spark-submit does not give them. */
public record SparkConfig(String master, int partitions) implements Serializable {

    public SparkConfig {
        Check.notBlank("adabet.spark.master", master);
        Check.atLeast("adabet.spark.partitions", partitions, 0);
    }
}
