package org.adabet.jobs;

import java.nio.file.Path;
import java.util.List;
import org.adabet.report.AgreementRow;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.StatisticsOutcome;

/** What a sweep produced: where its tables are, and the results themselves (for tests and callers). */
public record SweepResult(String runId, Path outputDir, List<StatisticsOutcome> statistics,
        List<RetrainOutcome> retraining, List<RetrainOutcome> oracle, List<AgreementRow> agreement,
        ComparisonTable comparison) {}
