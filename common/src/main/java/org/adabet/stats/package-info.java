/**
 * Statistics of a sweep's results, pure functions of numbers: per-group summaries with a t
 * interval, Wilcoxon's signed-rank test, and Holm's step-down correction. Nothing here knows about
 * pairs, methods or tables beyond the plain records it returns.
 */
package org.adabet.stats;
