/**
 * Results by SQL: every table of a run, and the index of all runs, as Spark SQL views ({@link
 * org.adabet.jobs.sql.ResultsCatalog}), printed as Markdown or CSV ({@link
 * org.adabet.jobs.sql.ResultPrinter}); the command {@code adabet sql} is {@code
 * org.adabet.jobs.SqlMain}.
 */
package org.adabet.jobs.sql;
