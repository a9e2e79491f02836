package dk.kk.ks.flow.processowners;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.platform.DanishTexts;

/**
 * The waiting-times page: the deployed diagram drawn by bpmn-js's viewer (served from /bpmn-js/) with each step's
 * figures on it, and the same figures as a table, which is what a screen reader reads.
 */
final class WaitingTimesPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WaitingTimesPage() {
    }

    static String index(List<String> caseTypes) {
        StringBuilder html = Pages.start("hvor venter sagerne?", "");
        html.append("<h1>Hvor venter sagerne?</h1>\n<p>Vælg en sagstype:</p>\n");
        caseTypeLinks(html, caseTypes, null);
        return Pages.end(html);
    }

    static String render(WaitingTimes.Report report, String diagramXml, List<String> caseTypes) {
        String caseTypeName = DanishTexts.of(DanishTexts.CASE_TYPES, report.caseType());
        StringBuilder html = Pages.start("hvor venter sagerne? " + caseTypeName, """
                <link rel="stylesheet" href="/bpmn-js/diagram-js.css"><link rel="stylesheet" href="/bpmn-js/bpmn-js.css">
                <style>#diagram{height:520px;border:1px solid #bbb;margin:1em 0}.ksf-step{background:#fff;border:1px solid #1f4e79;
                color:#1f4e79;font-size:12px;padding:1px 4px;white-space:nowrap;border-radius:3px}.ksf-waiting{background:#1f4e79;
                color:#fff;font-size:12px;font-weight:bold;padding:1px 6px;border-radius:9px;white-space:nowrap}</style>
                """);
        html.append("<h1>Hvor venter sagerne? ").append(Pages.escape(caseTypeName)).append("</h1>\n");
        caseTypeLinks(html, caseTypes, report.caseType());
        html.append("<form><label for=\"from\">Fra</label><input type=\"date\" id=\"from\" name=\"from\" value=\"").append(report.from())
                .append("\"> <label for=\"to\">til (ikke med)</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").append(report.to())
                .append("\"> <button>Vis</button></form>\n<p>Trin afsluttet fra ").append(DanishTexts.date(report.from()))
                .append(" til (ikke med) ").append(DanishTexts.date(report.to()))
                .append(", i alle versioner af diagrammet. Tid i et trin er fra sagen kom til trinnet, til den gik videre.</p>\n");
        if (diagramXml != null) {
            html.append("<figure><div id=\"diagram\"></div><figcaption class=\"note\">Det udrullede diagram. Under hvert trin: sager igennem, "
                    + "median / 90 % af tiden dér. Det mørke tal: sager, der venter der nu. Tallene står også i tabellen.</figcaption></figure>\n")
                    .append("<script type=\"application/json\" id=\"diagram-xml\">").append(scriptJson(diagramXml)).append("</script>\n");
        }
        html.append("<table><caption class=\"note\">Pr. trin</caption><tr><th scope=\"col\">Trin</th><th scope=\"col\">Sager igennem</th>")
                .append("<th scope=\"col\">Median tid</th><th scope=\"col\">90 % af tiden</th><th scope=\"col\">Venter nu</th></tr>\n");
        for (WaitingTimes.Step step : report.steps()) {
            if (step.passes() == 0 && step.waitingNow() == 0) {
                continue;
            }
            String median = duration(step.medianMinutes());
            String p90 = duration(step.p90Minutes());
            html.append("<tr data-activity=\"").append(Pages.escape(step.activityId())).append("\" data-figures=\"")
                    .append(step.passes() == 0 ? "" : Pages.escape(step.cases() + (step.cases() == 1 ? " sag, " : " sager, ") + median + " / " + p90))
                    .append("\" data-waiting=\"").append(step.waitingNow()).append("\"><th scope=\"row\">")
                    .append(Pages.escape(step.name() != null ? step.name() : step.activityId())).append("</th><td class=\"number\">")
                    .append(step.cases()).append("</td><td class=\"number\">").append(median).append("</td><td class=\"number\">")
                    .append(p90).append("</td><td class=\"number\">").append(step.waitingNow()).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (diagramXml != null) {
            html.append("<script src=\"/bpmn-js/bpmn-navigated-viewer.production.min.js\"></script>\n")
                    .append("<script src=\"/ksflow/waiting-times.js\"></script>\n");
        }
        return Pages.end(html);
    }

    private static void caseTypeLinks(StringBuilder html, List<String> caseTypes, String current) {
        html.append("<nav aria-label=\"Sagstyper\"><ul>");
        for (String caseType : caseTypes) {
            String name = Pages.escape(DanishTexts.of(DanishTexts.CASE_TYPES, caseType));
            html.append("<li>").append(caseType.equals(current) ? "<strong aria-current=\"page\">" + name + "</strong>"
                    : "<a href=\"/process-owners/waiting-times/" + Pages.escape(caseType) + "\">" + name + "</a>").append("</li>");
        }
        html.append("</ul></nav>\n");
    }

    /** A JSON string that is safe inside a script element: no "<", ">" or "&" survives as itself. */
    private static String scriptJson(String text) {
        try {
            return JSON.writeValueAsString(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minutes as a Danish duration: 45 min, 2 t 5 min, 3 d 4 t. */
    static String duration(BigDecimal minutes) {
        if (minutes == null) {
            return "";
        }
        long total = minutes.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        if (total < 1) {
            return minutes.signum() == 0 ? "0 min" : "under 1 min";
        }
        long days = total / 1440;
        long hours = total % 1440 / 60;
        long mins = total % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " t" : "");
        }
        return hours > 0 ? hours + " t" + (mins > 0 ? " " + mins + " min" : "") : mins + " min";
    }
}
