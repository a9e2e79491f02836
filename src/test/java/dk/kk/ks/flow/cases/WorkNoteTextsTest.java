package dk.kk.ks.flow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.platform.DanishTexts;
import dk.kk.ks.flow.timesheet.TimesheetWarning;

/**
 * The ServiceNow work note reads as Danish: every outcome the code and the diagrams set, and every reason
 * the decision tables, the diagrams and the code write, has its Danish text, and no code is left in the note.
 * The codes are found where they are written (the enums Outcome and Reason, BPMN, DMN), so a new one without a text
 * fails here.
 */
class WorkNoteTextsTest {

    /** Reasons the Java code writes (the decision tables' and diagrams' are read from the files). */
    private static final List<String> REASONS_WRITTEN_IN_JAVA = List.of(
            "UNKNOWN_EMPLOYEE", "REJECTED_BY_APPROVER", "REJECTED_BY_CASEWORKER", "NO_MANAGER", "NO_MANAGER_ABOVE_REQUESTER",
            "NO_OPEN_CARD", "UNKNOWN_CONTRACT", "CONTRACT_INACTIVE", "WRONG_DEPARTMENT",
            // The external systems' refusals that become reasons (Opus Debitor, Opus Økonomi, the card issuer, or none)
            "DEBTOR_BLOCKED", "PERIOD_CLOSED", "UNBALANCED", "UNKNOWN_ACCOUNT", "INACTIVE_COST_CENTER", "INVALID_VAT_CODE",
            "LIMIT_ABOVE_MAXIMUM", "NOT_FOUND", "CONFLICT", "REJECTED");

    /** A code: capitals, digits and underscores, as the outcomes and reasons are written. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\\b");

    @Test
    void everyOutcomeHasADanishText() throws IOException {
        Set<String> outcomes = outcomesSet();

        assertThat(outcomes).contains("PAID", "POSTED", "REGISTERED", "ORDERED", "CLOSED", "DISMISSED", "WITHDRAWN", "REJECTED", "EXPIRED");
        assertThat(DanishTexts.OUTCOMES).containsOnlyKeys(outcomes);
    }

    @Test
    void everyReasonHasADanishText() throws IOException {
        assertThat(DanishTexts.REASONS).containsKeys(reasonsWritten().toArray(String[]::new));
    }

    @Test
    void theWorkNoteOfEachOutcomeHasNoCode() throws IOException {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn("1f0c2b3a-ec7c-11f1-8e7f-02fc00000001");
        List<String> reasons = List.copyOf(reasonsWritten());

        for (String outcome : outcomesSet()) {
            String note = ServiceNowWriteBackDelegate.workNote(execution, null, outcome, reasons);

            assertThat(note).as(outcome).startsWith("KS Flow har afsluttet sagen (1f0c2b3a-ec7c-11f1-8e7f-02fc00000001). Udfald: "
                    + DanishTexts.OUTCOMES.get(outcome) + ". Begrundelse: ");
            assertThat(codesIn(note)).as(note).isEmpty();
        }
    }

    @Test
    void thePayoutsNoteIsASentence() {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessInstanceId()).thenReturn("c1");

        assertThat(ServiceNowWriteBackDelegate.workNote(execution, null, "REJECTED", List.of("DEBTOR_BLOCKED")))
                .isEqualTo("KS Flow har afsluttet sagen (c1). Udfald: Afvist. Begrundelse: Debitoren er spærret i Opus Debitor.");
        assertThat(ServiceNowWriteBackDelegate.workNote(execution, null, "PAID", List.of()))
                .isEqualTo("KS Flow har afsluttet sagen (c1). Udfald: Udbetalt.");
    }

    /** Every text is Danish prose: none quotes a code. */
    @Test
    void noTextQuotesACode() {
        Stream.concat(DanishTexts.OUTCOMES.values().stream(), DanishTexts.REASONS.values().stream())
                .forEach(text -> assertThat(codesIn(text)).as(text).isEmpty());
    }

    private static List<String> codesIn(String text) {
        // "KS" (Koncernservice) is a name, not a code.
        return CODE.matcher(text).results().map(java.util.regex.MatchResult::group).filter(token -> !token.equals("KS")).toList();
    }

    /** The outcomes the Java code sets (the enum {@code Outcome}) and any a diagram sets (output parameter "outcome"). */
    private static Set<String> outcomesSet() throws IOException {
        Set<String> outcomes = new TreeSet<>();
        Arrays.stream(Outcome.values()).forEach(outcome -> outcomes.add(outcome.name()));
        Pattern bpmnSet = Pattern.compile("name=\"outcome\">([A-Z_]+)<");
        for (Path file : files("processes", ".bpmn")) {
            bpmnSet.matcher(Files.readString(file)).results().forEach(m -> outcomes.add(m.group(1)));
        }
        return outcomes;
    }

    /** The reasons written by the Java code, the timesheet's warnings, the diagrams and the decision tables. */
    private static Set<String> reasonsWritten() throws IOException {
        Set<String> reasons = new TreeSet<>(REASONS_WRITTEN_IN_JAVA);
        Arrays.stream(Reason.values()).forEach(reason -> reasons.add(reason.name()));
        Arrays.stream(TimesheetWarning.values()).forEach(warning -> reasons.add(warning.name()));
        Pattern bpmnReason = Pattern.compile("name=\"rejectionReason\">([A-Z_]+)<|<camunda:value>([A-Z_]+)</camunda:value>");
        for (Path file : files("processes", ".bpmn")) {
            bpmnReason.matcher(Files.readString(file)).results()
                    .forEach(m -> reasons.add(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        reasons.addAll(outputEntries("processes/posting-validations.dmn", "validation"));
        reasons.addAll(outputEntries("processes/resignation-triage.dmn", "triageReason"));
        return reasons;
    }

    /** The values a decision table's output takes in its rules. */
    private static Set<String> outputEntries(String file, String outputName) {
        DmnModelInstance model = Dmn.readModelFromFile(Path.of(file).toFile());
        Set<String> values = new TreeSet<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Output> outputs = List.copyOf(table.getOutputs());
            int column = outputs.stream().map(Output::getName).toList().indexOf(outputName);
            if (column < 0) {
                continue;
            }
            table.getRules().forEach(rule -> values.add(List.copyOf(rule.getOutputEntries()).get(column).getTextContent()
                    .trim().replace("\"", "")));
        }
        assertThat(values).as(outputName + " in " + file).isNotEmpty();
        return values;
    }

    private static List<Path> files(String directory, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(Path.of(directory))) {
            return paths.filter(path -> path.toString().endsWith(suffix)).toList();
        }
    }
}
