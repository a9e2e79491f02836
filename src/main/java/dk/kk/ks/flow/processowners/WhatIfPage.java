package dk.kk.ks.flow.processowners;

import java.util.Map;

/** The what-if page: choose a deployed decision, upload the candidate .dmn, read the answer (no JavaScript). */
final class WhatIfPage {

    private WhatIfPage() {
    }

    static String render(Map<String, String> decisions, String selected, int days, WhatIf.Answer answer, String problem) {
        StringBuilder html = Pages.start("prøv en beslutningstabel", "");
        html.append("""
                <h1>Prøv en beslutningstabel, før den udrulles</h1>
                <p>Vælg beslutningen og den ændrede tabel (.dmn-filen fra Camunda Modeler). KS Flow evaluerer tabellen på input fra alle
                de gange, den udrullede beslutning er brugt i perioden, og viser, hvor resultatet ville have været et andet.
                Tabellen udrulles ikke.</p>
                """);
        if (problem != null) {
            html.append("<div class=\"problem\" role=\"alert\"><h2>Tabellen kan ikke prøves</h2><p>").append(Pages.escape(problem))
                    .append("</p></div>\n");
        }
        html.append("<form method=\"post\" action=\"/process-owners/what-if\" enctype=\"multipart/form-data\">\n")
                .append("<p><label for=\"decisionKey\">Beslutning</label><select id=\"decisionKey\" name=\"decisionKey\" required>");
        decisions.forEach((key, name) -> html.append("<option value=\"").append(Pages.escape(key)).append('"')
                .append(key.equals(selected) ? " selected" : "").append('>').append(Pages.escape(name)).append(" (")
                .append(Pages.escape(key)).append(")</option>"));
        html.append("</select></p>\n<p><label for=\"table\">Ændret tabel (.dmn)</label>")
                .append("<input type=\"file\" id=\"table\" name=\"table\" accept=\".dmn,application/xml,text/xml\" required></p>\n")
                .append("<p><label for=\"days\">Antal dage tilbage (1-").append(WhatIf.MAX_DAYS).append(")</label>")
                .append("<input type=\"number\" id=\"days\" name=\"days\" min=\"1\" max=\"").append(WhatIf.MAX_DAYS)
                .append("\" value=\"").append(days).append("\" required></p>\n<p><button>Prøv tabellen</button></p></form>\n");
        if (answer != null) {
            answer(html, decisions, answer);
        }
        return Pages.end(html);
    }

    private static void answer(StringBuilder html, Map<String, String> decisions, WhatIf.Answer answer) {
        html.append("<h2>Resultat for ").append(Pages.escape(decisions.getOrDefault(answer.decisionKey(), answer.decisionKey())))
                .append("</h2>\n<p id=\"summary\">").append(answer.evaluated()).append(" evalueringer de sidste ").append(answer.days())
                .append(" dage. Den nye tabel ændrer resultatet i <strong>").append(answer.changed()).append("</strong> af dem.");
        if (answer.skipped() > 0) {
            html.append(" ").append(answer.skipped()).append(" evalueringer kunne ikke prøves: en inputkolonne læser ikke blot en variabel.");
        }
        if (answer.truncated()) {
            html.append(" Der var flere evalueringer end grænsen; de nyeste er brugt.");
        }
        html.append("</p>\n");
        if (answer.examples().isEmpty()) {
            return;
        }
        html.append("<table><caption class=\"note\">Eksempler på ændrede resultater (højst 20, nyeste først)</caption>")
                .append("<tr><th scope=\"col\">Sag</th><th scope=\"col\">ServiceNow</th><th scope=\"col\">Input</th>")
                .append("<th scope=\"col\">Før</th><th scope=\"col\">Med den nye tabel</th></tr>\n");
        for (WhatIf.Example example : answer.examples()) {
            html.append("<tr><td><code>").append(Pages.escape(example.caseId())).append("</code></td><td>")
                    .append(Pages.escape(example.serviceNowRef())).append("</td><td>").append(Pages.value(example.inputs()))
                    .append("</td><td>").append(Pages.results(example.before())).append("</td><td>")
                    .append(example.error() != null ? Pages.escape(example.error()) : Pages.results(example.after())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }
}
