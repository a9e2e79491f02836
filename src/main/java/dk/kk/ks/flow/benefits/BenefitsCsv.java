package dk.kk.ks.flow.benefits;

import java.math.BigDecimal;

/** The report as CSV for Danish spreadsheets: semicolons, decimal commas, a header row in Danish. */
final class BenefitsCsv {

    private BenefitsCsv() {
    }

    static String write(BenefitsReport.Report report) {
        StringBuilder csv = new StringBuilder("sagstype;startet;afsluttet;andel uden menneskeligt trin;menneskelige trin;"
                + "median trin (min);90-percentil trin (min);median gennemløb (min);minutter pr. sag før;sparede minutter;"
                + "årsværk pr. år;kr. pr. år;mål årsværk\n");
        for (BenefitsReport.Row row : report.rows()) {
            csv.append(row.caseType()).append(';').append(row.started()).append(';').append(row.completed()).append(';')
                    .append(decimal(row.automaticShare())).append(';').append(row.humanSteps()).append(';')
                    .append(decimal(row.humanStepMedianMinutes())).append(';').append(decimal(row.humanStepP90Minutes())).append(';')
                    .append(decimal(row.cycleTimeMedianMinutes())).append(';').append(decimal(row.minutesBeforePerCase())).append(';')
                    .append(decimal(row.minutesSaved())).append(';').append(decimal(row.projectedFte())).append(';')
                    .append(decimal(row.projectedKr())).append(';').append(decimal(row.targetFte())).append('\n');
        }
        return csv.toString();
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString().replace('.', ',');
    }
}
