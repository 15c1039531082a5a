package org.adabet.jobs;

import java.util.List;
import org.adabet.report.AgreementRow;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.StatisticsOutcome;

/**
 * What a sweep produced: where its tables are, and the results themselves (for tests and callers).
 *
 * @param outputDir the run folder's fully qualified Hadoop URI ({@code file:/...}, {@code hdfs://...})
 */
public record SweepResult(String runId, String outputDir, List<StatisticsOutcome> statistics,
        List<RetrainOutcome> retraining, List<RetrainOutcome> oracle, List<AgreementRow> agreement,
        ComparisonTable comparison) {}
