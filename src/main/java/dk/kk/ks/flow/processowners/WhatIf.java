package dk.kk.ks.flow.processowners;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.InvalidRequestException;
import dk.kk.ks.flow.platform.deployment.DeploymentRules;
import dk.kk.ks.flow.platform.deployment.Violation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * "What if this table had been live?": a candidate decision table (a .dmn file, not deployed) evaluated on the inputs
 * of every evaluation of the deployed decision with the same key in the last days, from the engine's decision history.
 * <p>
 * The candidate passes the deployment rules first (no DOCTYPE, so no external entity is ever read; FEEL only), and is
 * then parsed and evaluated by a DMN engine of its own, outside the process engine: nothing is deployed, nothing is
 * written to the history. That engine evaluates FEEL only: JUEL and scripts are switched off in it as well.
 */
@Service
public class WhatIf {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 730;
    static final int MAX_EXAMPLES = 20;
    private static final int PAGE = 500;
    /** A variable, or a path into one ({@code employee.department}): an input the history can give back. */
    private static final Pattern VARIABLE_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern DMN_CODE = Pattern.compile("DMN-\\d{5}");

    @Schema(name = "WhatIfExample", description = "An evaluation whose result the candidate changes")
    public record Example(@Schema(nullable = true, description = "The case (process instance) that evaluated the decision; null: evaluated outside a case",
                                  example = "3f1c2a9e-1b6d-11f0-9a8c-0242ac120002") String caseId,
                          @Schema(nullable = true, example = "RITM0012345") String serviceNowRef,
                          @Schema(description = "The inputs, by the variable the input column reads", example = "{\"amount\": 15000.0}")
                          Map<String, Object> inputs,
                          @Schema(description = "What the deployed decision gave: one entry per matched rule, by output name",
                                  example = "[{\"approverGroup\": \"debitor-godkendere\"}]") List<Map<String, Object>> before,
                          @Schema(nullable = true, description = "What the candidate gives; null when it could not be evaluated",
                                  example = "[]") List<Map<String, Object>> after,
                          @Schema(nullable = true, description = "Why the candidate could not be evaluated on these inputs (Danish); null when it could",
                                  example = "Tabellen kunne ikke evalueres på disse input")
                          String error) {
    }

    @Schema(name = "WhatIfAnswer", description = "The candidate table evaluated on the recent evaluations of the deployed decision")
    public record Answer(@Schema(example = "invoice-payout-approvals") String decisionKey,
                         @Schema(description = "How many days back", example = "90") int days,
                         @Schema(description = "Evaluations the candidate was evaluated on", example = "3") long evaluated,
                         @Schema(description = "Evaluations whose result the candidate changes", example = "1") long changed,
                         @Schema(description = "Evaluations skipped: an input column whose expression is not a variable cannot be "
                                 + "read back from the history", example = "0") long skipped,
                         @Schema(description = "True when there were more evaluations than the limit; the most recent were used", example = "false")
                         boolean truncated,
                         @Schema(description = "At most 20 of the changed evaluations, the most recent first") List<Example> examples) {
    }

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final DeploymentRules rules;
    private final Clock clock;
    private final int maxEvaluations;
    private final DmnEngine dmnEngine = standaloneFeelEngine();

    WhatIf(HistoryService historyService, RepositoryService repositoryService, DeploymentRules rules, Clock clock,
           @Value("${ksflow.process-owners.what-if.max-evaluations:10000}") int maxEvaluations) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.rules = rules;
        this.clock = clock;
        this.maxEvaluations = maxEvaluations;
    }

    /** The deployed decisions (latest versions) a candidate may be tried against: key and name. */
    public Map<String, String> deployedDecisions() {
        Map<String, String> decisions = new TreeMap<>();
        for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().latestVersion().list()) {
            decisions.put(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        }
        return decisions;
    }

    /**
     * @throws InvalidRequestException (400) for days out of range, or a candidate that breaks a deployment rule, does not
     *         parse or has no decision with the key
     * @throws NotFoundException (404) when no decision with the key is deployed
     */
    public Answer evaluate(String decisionKey, byte[] candidate, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw refused("Antal dage skal være mellem 1 og " + MAX_DAYS, "days");
        }
        if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).count() == 0) {
            throw new NotFoundException("Der er ingen udrullet beslutning med id «" + decisionKey + "»");
        }
        DmnDecision decision = parse(decisionKey, candidate);

        Instant now = clock.instant();
        Date after = Date.from(now.minus(Duration.ofDays(days)));
        Map<String, Columns> columns = new HashMap<>();
        List<Evaluation> changed = new ArrayList<>();
        long evaluated = 0;
        long changedCount = 0;
        long skipped = 0;
        boolean truncated = false;
        for (int offset = 0; ; offset += PAGE) {
            List<HistoricDecisionInstance> page = historyService.createHistoricDecisionInstanceQuery()
                    .decisionDefinitionKey(decisionKey).evaluatedAfter(after).evaluatedBefore(Date.from(now))
                    .includeInputs().includeOutputs().orderByEvaluationTime().desc()
                    .listPage(offset, PAGE);
            for (HistoricDecisionInstance instance : page) {
                if (evaluated + skipped >= maxEvaluations) {
                    truncated = true;
                    break;
                }
                Columns deployed = columns.computeIfAbsent(instance.getDecisionDefinitionId(), this::columns);
                Map<String, Object> inputs = inputs(instance, deployed);
                if (inputs == null) {
                    skipped++;
                    continue;
                }
                evaluated++;
                Evaluation evaluation = evaluate(decision, instance, inputs, deployed);
                if (evaluation.changed()) {
                    changedCount++;
                    if (changed.size() < MAX_EXAMPLES) {
                        changed.add(evaluation);
                    }
                }
            }
            if (truncated || page.size() < PAGE) {
                break;
            }
        }
        return new Answer(decisionKey, days, evaluated, changedCount, skipped, truncated, examples(changed));
    }

    /** The candidate, checked by the deployment rules and parsed by the standalone engine; its decision with the key. */
    private DmnDecision parse(String decisionKey, byte[] candidate) {
        List<Violation> violations = rules.check(Map.of("kandidat.dmn", candidate), form -> false);
        if (!violations.isEmpty()) {
            throw refused("Tabellen overholder ikke reglerne for udrulning: "
                    + violations.stream().map(Violation::message).collect(Collectors.joining("; ")), "body");
        }
        List<DmnDecision> decisions;
        try {
            decisions = dmnEngine.parseDecisions(new ByteArrayInputStream(candidate));
        } catch (RuntimeException unreadable) {
            throw refused("Tabellen kan ikke læses som en DMN-beslutningstabel" + code(unreadable), "body");
        }
        return decisions.stream().filter(decision -> decisionKey.equals(decision.getKey())).findFirst()
                .orElseThrow(() -> refused("Tabellen har ingen beslutning med id «" + decisionKey + "»; den har: "
                        + decisions.stream().map(DmnDecision::getKey).collect(Collectors.joining(", ")), "body"));
    }

    private record Evaluation(HistoricDecisionInstance instance, Map<String, Object> inputs, List<Map<String, Object>> before,
                              List<Map<String, Object>> after, String error) {

        boolean changed() {
            return after == null || !normalized(before).equals(normalized(after));
        }
    }

    private Evaluation evaluate(DmnDecision decision, HistoricDecisionInstance instance, Map<String, Object> inputs, Columns deployed) {
        List<Map<String, Object>> before = before(instance, deployed);
        try {
            DmnDecisionResult result = dmnEngine.evaluateDecision(decision, Variables.fromMap(inputs));
            return new Evaluation(instance, inputs, before, result.getResultList(), null);
        } catch (RuntimeException failed) {
            return new Evaluation(instance, inputs, before, null, "Tabellen kunne ikke evalueres på disse input" + code(failed));
        }
    }

    /**
     * The columns of a deployed version of the decision.
     *
     * @param inputs input column id to the variable (or path) its expression reads; null for an expression that is not one
     * @param output the name of the first output column (an aggregation's result is stored under it)
     */
    private record Columns(Map<String, String> inputs, String output) {
    }

    private Columns columns(String decisionDefinitionId) {
        DmnModelInstance model = repositoryService.getDmnModelInstance(decisionDefinitionId);
        String key = repositoryService.getDecisionDefinition(decisionDefinitionId).getKey();
        Map<String, String> inputs = new HashMap<>();
        String output = null;
        if (model.getModelElementById(key) instanceof Decision decision && decision.getExpression() instanceof DecisionTable table) {
            for (Input input : table.getInputs()) {
                String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                        : input.getInputExpression().getText().getTextContent().strip();
                inputs.put(input.getId(), VARIABLE_PATH.matcher(text).matches() ? text : null);
            }
            output = table.getOutputs().stream().map(Output::getName).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return new Columns(inputs, output);
    }

    /** The variables the evaluation had, rebuilt from its inputs; null when an input column reads no plain variable. */
    private static Map<String, Object> inputs(HistoricDecisionInstance instance, Columns deployed) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (HistoricDecisionInputInstance input : instance.getInputs()) {
            String path = deployed.inputs().get(input.getClauseId());
            if (path == null) {
                return null;
            }
            put(inputs, path, input.getValue());
        }
        return inputs;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> variables, String path, Object value) {
        String[] names = path.split("\\.");
        Map<String, Object> map = variables;
        for (int i = 0; i < names.length - 1; i++) {
            map = (Map<String, Object>) map.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
        }
        map.put(names[names.length - 1], value);
    }

    /** What the deployed decision gave: an entry per matched rule (in rule order), or the collected value of an aggregation. */
    private static List<Map<String, Object>> before(HistoricDecisionInstance instance, Columns deployed) {
        if (instance.getCollectResultValue() != null) {
            String output = instance.getOutputs().isEmpty() ? deployed.output() : instance.getOutputs().get(0).getVariableName();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(output, instance.getCollectResultValue());
            return List.of(entry);
        }
        Map<Integer, Map<String, Object>> rules = new TreeMap<>();
        for (HistoricDecisionOutputInstance output : instance.getOutputs()) {
            rules.computeIfAbsent(output.getRuleOrder() == null ? 0 : output.getRuleOrder(), order -> new LinkedHashMap<>())
                    .put(output.getVariableName(), output.getValue());
        }
        return new ArrayList<>(rules.values());
    }

    private List<Example> examples(List<Evaluation> changed) {
        Set<String> caseIds = changed.stream().map(evaluation -> caseId(evaluation.instance())).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> references = new HashMap<>();
        if (!caseIds.isEmpty()) {
            for (HistoricProcessInstance process : historyService.createHistoricProcessInstanceQuery().processInstanceIds(caseIds).list()) {
                references.put(process.getId(), process.getBusinessKey());
            }
        }
        return changed.stream().map(evaluation -> {
            String caseId = caseId(evaluation.instance());
            return new Example(caseId, caseId == null ? null : references.get(caseId), evaluation.inputs(), evaluation.before(),
                    evaluation.after(), evaluation.error());
        }).toList();
    }

    private static String caseId(HistoricDecisionInstance instance) {
        return instance.getRootProcessInstanceId() != null ? instance.getRootProcessInstanceId() : instance.getProcessInstanceId();
    }

    /** Results compared by value: 15000, 15000.0 and 15000.00 are the same number. */
    private static List<Map<String, Object>> normalized(List<Map<String, Object>> results) {
        return results.stream().map(entry -> {
            Map<String, Object> values = new HashMap<>();
            entry.forEach((name, value) -> values.put(name, value instanceof Number number
                    ? new BigDecimal(number.toString()).stripTrailingZeros() : value));
            return values;
        }).toList();
    }

    /** The DMN engine's error code (DMN-01002 ...), for the process owner to look up; never its Java message. */
    private static String code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher matcher = cause.getMessage() == null ? null : DMN_CODE.matcher(cause.getMessage());
            if (matcher != null && matcher.find()) {
                return " (beslutningsmotorens fejlkode " + matcher.group() + ")";
            }
        }
        return "";
    }

    private static InvalidRequestException refused(String problem, String field) {
        return new InvalidRequestException(problem, List.of(new CaseType.FieldError(field, problem)));
    }

    /**
     * A DMN engine of its own: FEEL for every expression, and no way to another language. The deployment rules already
     * refuse a table that names one; should one get through, JUEL and scripts fail here instead of running.
     */
    private static DmnEngine standaloneFeelEngine() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setDefaultInputExpressionExpressionLanguage("feel");
        configuration.setDefaultInputEntryExpressionLanguage("feel");
        configuration.setDefaultOutputEntryExpressionLanguage("feel");
        configuration.setDefaultLiteralExpressionLanguage("feel");
        configuration.setElProvider(expression -> {
            throw new IllegalStateException("Only FEEL is evaluated in a what-if");
        });
        configuration.setScriptEngineResolver(language -> null);
        return configuration.buildEngine();
    }
}
