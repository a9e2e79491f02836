package dk.kk.ks.flow.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.TextTemplates;

/**
 * The e-mails, in Danish, from the text templates under src/main/resources/notifications/ (which a non-programmer can
 * edit, see the README there). A template's first line is the subject ("Emne: ..."), the rest the text.
 */
@Component
class NotificationTexts {

    private static final String SUBJECT = "Emne:";

    record Mail(String subject, String text) {
    }

    private final TextTemplates templates = new TextTemplates("notifications");

    /** @param name the person's name; null for a group's shared mailbox */
    Mail task(CaseFacts.WaitingTask task, String name) {
        return render("task", taskFields(task, name));
    }

    Mail reminder(CaseFacts.WaitingTask task, String name) {
        return render("reminder", taskFields(task, name));
    }

    Mail digest(List<CaseFacts.WaitingTask> tasks, String name, String tasklist) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("count", tasks.size());
        fields.put("tasks", tasks.stream().map(task -> taskFields(task, null)).toList());
        fields.put("tasklist", tasklist);
        return render("digest", fields);
    }

    Mail escalated(CaseFacts.CaseSummary summary, String name, String approverName) {
        Map<String, Object> fields = caseFields(summary, name);
        fields.put("approverName", approverName);
        return render("escalated", fields);
    }

    Mail expired(CaseFacts.CaseSummary summary, String name) {
        return render("expired", caseFields(summary, name));
    }

    private static Map<String, Object> taskFields(CaseFacts.WaitingTask task, String name) {
        Map<String, Object> fields = fields(name, task.caseType(), task.title(), task.amountLabel(), task.amount());
        fields.put("deadline", task.deadline());
        fields.put("since", task.since());
        fields.put("link", task.link());
        return fields;
    }

    private static Map<String, Object> caseFields(CaseFacts.CaseSummary summary, String name) {
        return fields(name, summary.caseType(), summary.title(), summary.amountLabel(), summary.amount());
    }

    /** What every e-mail says about its case. */
    private static Map<String, Object> fields(String name, String caseType, String title, String amountLabel, String amount) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("caseType", caseType);
        fields.put("title", title);
        fields.put("amountLabel", amountLabel);
        fields.put("amount", amount);
        return fields;
    }

    private Mail render(String template, Map<String, Object> fields) {
        String rendered = templates.render(template, fields);
        int end = rendered.indexOf('\n');
        String first = end < 0 ? rendered : rendered.substring(0, end);
        if (!first.startsWith(SUBJECT)) {
            throw new IllegalStateException("The template notifications/" + template + ".txt must start with the line '" + SUBJECT + " ...'");
        }
        // A control character (from a task's name, say) never reaches the e-mail's headers.
        String subject = first.substring(SUBJECT.length()).replaceAll("\\p{Cntrl}", " ").strip();
        String text = end < 0 ? "" : rendered.substring(end + 1).strip();
        return new Mail(subject, text.replaceAll("\n{3,}", "\n\n") + "\n");
    }
}
