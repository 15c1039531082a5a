package org.adabet.jobs.stage;

import java.util.List;
import org.adabet.jobs.schema.TableDecoding;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.AgreementRow;
import org.adabet.report.AgreementTable;
import org.adabet.report.Agreements;
import org.adabet.selection.SelectionMethods;

/**
 * layers + layer scores + oracle runs -> {@code agreement} and {@code agreement.md}: how each
 * scoring method's ranking of the layers agrees with the oracle's, beside the oracle's own
 * split-half reliability (its noise ceiling) and top layers (only when the oracle is on).
 */
final class AgreementStage extends Stage {
    AgreementStage() {
        super(
                "agreement",
                List.of(Tables.LAYERS, Tables.LAYER_SCORES, Tables.ORACLE_RUNS),
                List.of(Tables.AGREEMENT, "agreement.md"));
    }

    @Override
    public void run(StageContext c) {
        if (!c.config().oracle()) {
            return;
        }
        List<AgreementRow> agreement = rows(c);
        c.write(
                Tables.AGREEMENT,
                Tables.AGREEMENT_SCHEMA,
                agreement.stream().map(a -> Tables.agreementRow(c.runId(), a)).toList());
        c.folder()
                .writeText(
                        "agreement.md",
                        AgreementTable.toMarkdown(
                                agreement,
                                Agreements.oracleSummaries(
                                        c.config(),
                                        c.layers().layers(),
                                        RetrainStage.oracleOutcomes(c))));
    }

    /** The agreement rows, computed from the run's tables. */
    static List<AgreementRow> rows(StageContext c) {
        if (!c.config().oracle()) {
            return List.of();
        }
        return Agreements.compute(
                c.config(),
                c.layers().layers(),
                TableDecoding.scores(
                        c.read(Tables.LAYER_SCORES), c.layers().layers(), SelectionMethods.names()),
                RetrainStage.oracleOutcomes(c));
    }
}
