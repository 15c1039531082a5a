/**
 * The sweep's stages, each one Spark job that reads its input tables from the run folder and writes
 * its output table there: plan ({@code layers}), pretrain, layer and gradient statistics, scores,
 * selections, retrain, oracle, agreement, comparison. The computing is the library's ({@code
 * org.adabet.sweep}, {@code org.adabet.report}); a stage only moves rows. {@link
 * org.adabet.jobs.stage.Stages} lists them in order.
 */
package org.adabet.jobs.stage;
