/**
 * One run against an earlier one, per pair x method x budget: accuracy, peak training memory,
 * selection time and failures, each against a tolerance; what {@code adabet compare} and {@code
 * adabet nightly} report and exit 4 on.
 */
package org.adabet.regression;
