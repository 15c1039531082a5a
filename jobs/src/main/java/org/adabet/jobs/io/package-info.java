/**
 * Where a run's outputs go, on any Hadoop file system ({@code file:}, plain paths, {@code hdfs://},
 * {@code s3a://}, ...): the run folder and the check that {@code output.dir} can be written before
 * any work starts. Only this package opens output files; nothing here computes.
 */
package org.adabet.jobs.io;
