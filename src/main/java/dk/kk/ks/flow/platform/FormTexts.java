package dk.kk.ks.flow.platform;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * When a user task is created ({@code <camunda:taskListener delegateExpression="${formTexts}" event="create"/>}):
 * the values its Camunda Form shows, as a Danish caseworker reads them. Camunda Forms cannot format numbers,
 * dates or codes, so the form shows these texts, set as task-local variables ({@code amountText},
 * {@code requestedByName}, ...), while the real variables stay what the process and its rules use. The texts
 * vanish with the task. Which texts a form gets is listed here, by the form's id.
 *
 * <p>One exception: the hearing deadline of "Kontroller afskedigelse" is a field the caseworker edits. Its
 * task-local {@code hearingDeadline} holds the proposal as {@code dd-mm-åååå}; the completion listener takes the
 * chosen date ({@link #editedValue}) in either notation and stores it as an ISO date in the process.
 */
@Component("formTexts")
public class FormTexts implements TaskListener {

    private static final JsonVar<Map<String, Object>> CALCULATION = JsonVar.of("calculation", new TypeReference<>() { });
    private static final JsonVar<List<Map<String, String>>> CALCULATION_ROWS = JsonVar.of("calculationRows", new TypeReference<>() { });

    private static final String PROPOSAL = "Proposal";

    private final IdentityService identityService;

    public FormTexts(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Texts texts = new Texts(task);
        switch (formId(task)) {
            case "invoice-payout-approval" -> texts.kroner("amount").person("requestedBy");
            case "payment-card-approval" -> texts.kroner("monthlyLimit").person("requestedBy").person("approver");
            case "payment-card-approver" -> texts.kroner("monthlyLimit").person("requestedBy");
            case "posting-review" -> texts.date("postingDate").person("requestedBy").kroner("debitTotal");
            case "service-contract-regulation-review" -> texts.code("department", DanishTexts.DEPARTMENTS).date("effectiveFrom")
                    .whole("quantityChange").kroner("unitPricePerMonth").whole("months").kroner("amount");
            case "resignation-review" -> texts.code("reason", DanishTexts.RESIGNATION_REASONS).date("lastWorkingDay")
                    .code("department", DanishTexts.DEPARTMENTS).code("triage", DanishTexts.TRIAGE)
                    .code("triageReason", DanishTexts.REASONS).days("advanceHolidayDays")
                    .kroner("advanceHolidayDeduction").paymentCard();
            case "dismissal-check" -> texts.code("reasonCategory", DanishTexts.DISMISSAL_REASONS).editableDate("hearingDeadline");
            case "dismissal-decision" -> texts.date("hearingDeadline").dateTime("hearingReplyReceivedAt");
            case "timesheet-review" -> texts.calculationRows();
            case "robot-resignation-reconciliation" -> texts.date("serviceNowDato").date("opusDato");
            default -> {
                // a form with nothing to format
            }
        }
    }

    /**
     * On completion, the value of a field the form edits (see {@link Texts#editableDate}): the form's value when the
     * caseworker changed the proposal in Tasklist (a form's submission sets the task's own variable), otherwise the
     * process's variable, which an API client may have set with its completion.
     */
    public static String editedValue(DelegateTask task, String variable) {
        Object submitted = task.getVariableLocal(variable);
        if (submitted instanceof String value && !value.equals(task.getVariableLocal(variable + PROPOSAL))) {
            return value;
        }
        Object own = task.getExecution().getVariable(variable);
        return own instanceof String value ? value : null;
    }

    private static String formId(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        return userTask == null || userTask.getCamundaFormRef() == null ? "" : userTask.getCamundaFormRef();
    }

    /** First and last name from Camunda's identity service; an unknown user id is shown as it is. */
    String personName(String userId) {
        if (userId == null || userId.isBlank()) {
            return userId;
        }
        CommandContext context = Context.getCommandContext();
        User user = context == null ? findUser(userId) : context.runWithoutAuthorization(() -> findUser(userId));
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    private User findUser(String userId) {
        return identityService.createUserQuery().userId(userId).singleResult();
    }

    /** Sets {@code <variable>Text} (or {@code <variable>Name} for a person) on the task, for each variable that is set. */
    private final class Texts {

        private final DelegateTask task;

        Texts(DelegateTask task) {
            this.task = task;
        }

        Texts kroner(String variable) {
            if (task.getVariable(variable) instanceof Number amount) {
                task.setVariableLocal(variable + "Text", DanishTexts.kroner(amount));
            }
            return this;
        }

        Texts whole(String variable) {
            if (task.getVariable(variable) instanceof Number number) {
                task.setVariableLocal(variable + "Text", DanishTexts.number(number, 0));
            }
            return this;
        }

        Texts days(String variable) {
            if (task.getVariable(variable) instanceof Number days) {
                task.setVariableLocal(variable + "Text", DanishTexts.days(days));
            }
            return this;
        }

        Texts date(String variable) {
            if (task.getVariable(variable) instanceof String date) {
                task.setVariableLocal(variable + "Text", DanishTexts.date(date));
            }
            return this;
        }

        Texts dateTime(String variable) {
            if (task.getVariable(variable) instanceof String timestamp) {
                task.setVariableLocal(variable + "Text", DanishTexts.dateTime(timestamp));
            }
            return this;
        }

        /** The proposal in Danish notation under the variable's own name, on the task only (the form edits it). */
        Texts editableDate(String variable) {
            if (task.getVariable(variable) instanceof String date) {
                task.setVariableLocal(variable, DanishTexts.date(date));
                task.setVariableLocal(variable + PROPOSAL, DanishTexts.date(date));
            }
            return this;
        }

        Texts code(String variable, Map<String, String> names) {
            if (task.getVariable(variable) instanceof String code) {
                task.setVariableLocal(variable + "Text", DanishTexts.of(names, code));
            }
            return this;
        }

        Texts person(String variable) {
            if (task.getVariable(variable) instanceof String userId) {
                task.setVariableLocal(variable + "Name", personName(userId));
            }
            return this;
        }

        /** A resignation's payment card: none, blocked, or still open (the caseworker must see to it). */
        Texts paymentCard() {
            String text;
            if (!Boolean.TRUE.equals(task.getVariable("hasPaymentCard"))) {
                text = "Medarbejderen har intet betalingskort";
            } else if (Boolean.TRUE.equals(task.getVariable("paymentCardClosed"))) {
                text = "Spærret";
            } else {
                text = "Ikke spærret: skal spærres manuelt";
            }
            task.setVariableLocal("paymentCardText", text);
            return this;
        }

        /** The timesheet's supplement lines as the form's table shows them: date, category, hours and amount in Danish. */
        @SuppressWarnings("unchecked")
        Texts calculationRows() {
            Map<String, Object> calculation = CALCULATION.get(task);
            if (calculation == null || !(calculation.get("lines") instanceof List<?> lines)) {
                return this;
            }
            List<Map<String, String>> rows = lines.stream().map(line -> {
                Map<String, Object> values = (Map<String, Object>) line;
                Map<String, String> row = new LinkedHashMap<>();
                row.put("date", DanishTexts.date(String.valueOf(values.get("date"))));
                row.put("category", DanishTexts.of(DanishTexts.SUPPLEMENT_CATEGORIES, String.valueOf(values.get("category"))));
                row.put("hours", DanishTexts.number(decimal(values.get("hours")), 2));
                row.put("amount", DanishTexts.kroner(decimal(values.get("amount"))));
                return row;
            }).toList();
            task.setVariableLocal(CALCULATION_ROWS.name(), CALCULATION_ROWS.typed(rows));
            return this;
        }

        private static BigDecimal decimal(Object value) {
            return value == null ? null : new BigDecimal(value.toString());
        }
    }
}
