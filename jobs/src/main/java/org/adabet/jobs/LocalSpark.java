package org.adabet.jobs;

import org.adabet.platform.ReproducibleMode;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session: the master given by spark-submit, else the configuration's (local
 * mode).
 */
public final class LocalSpark {
    private LocalSpark() {}

    public static SparkSession session(String appName, String defaultMaster) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (!conf.contains("spark.master")) {
            // Not launched by spark-submit: a local run on loopback, without the web UI.
            conf.setMaster(defaultMaster)
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    // Off unless asked for (-Dspark.ui.enabled=true): the URL then goes into
                    // provenance.
                    .setIfMissing("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "4");
        }
        if (ReproducibleMode.requested()) {
            // Executors in their own JVMs pin their kernels too (in local mode they are this JVM).
            conf.setExecutorEnv(ReproducibleMode.ENV, "1");
        }
        // Overwrite only the partitions a write produces, so re-running one stage keeps the others.
        conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
