/**
 * A run's plots and its {@code report.html}, read from the run's tables through {@link
 * org.adabet.jobs.sql.ResultsCatalog} (never from hard-coded folders) and written into the run
 * folder through the Hadoop file system. The charts themselves are drawn by {@code
 * org.adabet.plot}.
 */
package org.adabet.jobs.report;
