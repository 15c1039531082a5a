/**
 * Vietoris–Rips persistent homology for AdaBet's per-layer statistics; pure Java, no Spark, no DJL.
 *
 * <p>Typical use, one layer and one batch:
 *
 * <pre>{@code
 * PointCloud cloud = new PointCloud(batchSize, activationSize, activations); // row-major float32
 * Barcode barcode = VietorisRips.barcode(cloud, 1);                          // dims 0 and 1
 * BettiStatistics stats = BettiStatistics.of(barcode, batchSize, activationSize);
 * double score = stats.referenceScore();                                     // beta1 / (n * D)
 * int longLoops = barcode.bettiAbove(1, 0.05);                               // thresholded variant
 * }</pre>
 *
 * <p>Conventions: filtration values are float32 like Ripser's, so zero-length decisions (and with
 * them Betti numbers) agree exactly with Ripser on the same matrix. Essential classes die at {@code
 * +infinity}. Dimension 0 keeps all n - 1 finite pairs, zero-length ones from duplicate points
 * included; dimensions >= 1 hold only intervals with death > birth. Betti numbers count death >
 * birth. Total/maximum persistence skip essential intervals.
 *
 * <p>Speed: {@link org.adabet.tda.EuclideanDistances#of} uses the incubating Vector API when the
 * JVM runs with {@code --add-modules=jdk.incubator.vector} and plain loops otherwise (same results
 * within the accuracy promise, several times slower). Everything here is single-threaded and holds
 * no shared state, so one call per Spark task is safe.
 *
 * <p>The algorithm follows Bauer, U. (2021). Ripser: efficient computation of Vietoris–Rips
 * persistence barcodes. Journal of Applied and Computational Topology 5, 391–423.
 */
package org.adabet.tda;
