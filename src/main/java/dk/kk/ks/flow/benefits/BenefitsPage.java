package dk.kk.ks.flow.benefits;

import java.math.BigDecimal;

import org.springframework.web.util.HtmlUtils;

import dk.kk.ks.flow.platform.DanishTexts;

/** The report as a printable Danish page with a bar chart per case type (SVG rendered here, no JavaScript). */
final class BenefitsPage {

    private static final int BAR_AREA = 420;
    /** The target bars: grey with 4.6:1 against white (WCAG 1.4.11 asks 3:1 of a chart's parts). */
    private static final String TARGET_COLOUR = "#757575";
    private static final String[] HEADINGS = {"Sagstype", "Startet", "Afsluttet", "Uden menneskeligt trin", "Menneskelige trin",
        "Median trin (min)", "90 % trin (min)", "Median gennemløb (min)", "Sparet (timer)", "Årsværk pr. år", "Kr. pr. år", "Mål (årsværk)"};

    private BenefitsPage() {
    }

    static String render(BenefitsReport.Report report) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>KS Flow: gevinstopfølgning</title>
                <style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
                th,td{border:1px solid #bbb;padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}
                .note{color:#555}label{margin-right:.3em}@media print{.noprint{display:none}}</style></head><body>
                <h1>Gevinstopfølgning</h1>
                """);
        html.append("<p>Sager startet fra ").append(DanishTexts.date(report.from())).append(" til (ikke med) ")
                .append(DanishTexts.date(report.to())).append(". ")
                .append(report.earliestData() == null ? "Historikken indeholder endnu ingen sager."
                        : "Historikken har data fra " + DanishTexts.date(report.earliestData())
                        + "; sager fra før den dato er ikke med (historikken slettes efter 730 dage).")
                .append("</p>\n<form class=\"noprint\"><label for=\"from\">Fra</label><input type=\"date\" id=\"from\" name=\"from\" value=\"")
                .append(report.from())
                .append("\"> <label for=\"to\">til (ikke med)</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").append(report.to())
                .append("\"> <button>Vis</button> <a href=\"/api/v1/benefits?format=csv&amp;from=").append(report.from())
                .append("&amp;to=").append(report.to()).append("\">Hent CSV</a></form>\n");
        html.append("<table><caption class=\"note\">Pr. sagstype i perioden</caption><tr>");
        for (String heading : HEADINGS) {
            html.append("<th scope=\"col\">").append(heading).append("</th>");
        }
        html.append("</tr>\n");
        for (BenefitsReport.Row row : report.rows()) {
            html.append("<tr><th scope=\"row\">").append(HtmlUtils.htmlEscape(caseTypeName(row))).append("</th><td>").append(row.started())
                    .append("</td><td>").append(row.completed()).append("</td><td>")
                    .append(BenefitsController.number(row.automaticShare().multiply(BigDecimal.valueOf(100)), 1)).append(" %</td><td>")
                    .append(row.humanSteps()).append("</td><td>").append(BenefitsController.number(row.humanStepMedianMinutes(), 1))
                    .append("</td><td>").append(BenefitsController.number(row.humanStepP90Minutes(), 1)).append("</td><td>")
                    .append(BenefitsController.number(row.cycleTimeMedianMinutes(), 1)).append("</td><td>")
                    .append(BenefitsController.number(row.minutesSaved().divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP), 1))
                    .append("</td><td>").append(BenefitsController.number(row.projectedFte(), 2)).append("</td><td>")
                    .append(BenefitsController.number(row.projectedKr(), 0)).append("</td><td>")
                    .append(BenefitsController.number(row.targetFte(), 1)).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Opnået mod mål (årsværk pr. år)</h2>\n").append(chart(report))
                .append("<p class=\"note\">Sparet tid = afsluttede sager × minutter pr. sag før automatisering − menneskelige trin × "
                        + "minutter pr. trin, fremskrevet til et år. 1 årsværk = 1.924 timer = 629.000 kr. Tallene for tid før og "
                        + "pr. trin står i benefits.yml.</p></body></html>\n");
        return html.toString();
    }

    private static String caseTypeName(BenefitsReport.Row row) {
        return DanishTexts.of(DanishTexts.CASE_TYPES, row.caseType());
    }

    private static String chart(BenefitsReport.Report report) {
        double max = report.rows().stream()
                .mapToDouble(r -> Math.max(r.targetFte().doubleValue(), Math.max(0, r.projectedFte().doubleValue())))
                .max().orElse(1);
        max = Math.max(max, 0.1);
        int rowHeight = 44;
        int height = 30 + rowHeight * report.rows().size();
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"" + height
                + "\" role=\"img\" aria-label=\"Opnåede og forventede årsværk pr. sagstype\">\n"
                + "<rect x=\"200\" y=\"4\" width=\"12\" height=\"12\" fill=\"#2a6ebb\"/><text x=\"218\" y=\"15\" font-size=\"12\">Opnået</text>"
                + "<rect x=\"290\" y=\"4\" width=\"12\" height=\"12\" fill=\"" + TARGET_COLOUR + "\"/><text x=\"308\" y=\"15\" font-size=\"12\">Mål</text>\n");
        int y = 30;
        for (BenefitsReport.Row row : report.rows()) {
            double achieved = Math.max(0, row.projectedFte().doubleValue());
            int achievedWidth = (int) Math.round(achieved / max * BAR_AREA);
            int targetWidth = (int) Math.round(row.targetFte().doubleValue() / max * BAR_AREA);
            svg.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"13\">").append(HtmlUtils.htmlEscape(caseTypeName(row))).append("</text>")
                    .append("<rect x=\"200\" y=\"").append(y).append("\" width=\"").append(targetWidth).append("\" height=\"16\" fill=\"" + TARGET_COLOUR + "\"/>")
                    .append("<rect x=\"200\" y=\"").append(y + 18).append("\" width=\"").append(achievedWidth).append("\" height=\"16\" fill=\"#2a6ebb\"/>")
                    .append("<text x=\"").append(206 + Math.max(targetWidth, achievedWidth)).append("\" y=\"").append(y + 30)
                    .append("\" font-size=\"12\">").append(BenefitsController.number(row.projectedFte(), 2)).append(" / ")
                    .append(BenefitsController.number(row.targetFte(), 1)).append("</text>\n");
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }
}
