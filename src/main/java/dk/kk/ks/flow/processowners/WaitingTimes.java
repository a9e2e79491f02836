package dk.kk.ks.flow.processowners;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where the cases of a case type wait: per step (activity id) of every version of its diagram, the cases that passed it
 * in a period, the median and 90th percentile of the time spent there, and the cases waiting there now. The database
 * computes the figures (one GROUP BY over the engine's activity history, nearest-rank percentiles by ROW_NUMBER() and
 * COUNT() windows, which H2 and PostgreSQL both have; one GROUP BY over the running executions); nothing is loaded per
 * case.
 */
@Service
public class WaitingTimes {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /**
     * A step's passes that ended in the period (from, to]: per step the passes, the cases, and the duration at the
     * nearest ranks ceil(n/2) and ceil(9n/10) of the passes ordered by duration. A loop's inner step (a multi-instance)
     * counts each pass; its body ({@code multiInstanceBody}) is left out.
     */
    private static final String PASSED = """
            SELECT ACT_ID_, MAX(ACT_NAME_), COUNT(*), COUNT(DISTINCT PROC_INST_ID_),
                   MAX(CASE WHEN RN = (N * 50 + 99) / 100 THEN DURATION_ END),
                   MAX(CASE WHEN RN = (N * 90 + 99) / 100 THEN DURATION_ END)
            FROM (SELECT ACT_ID_, ACT_NAME_, PROC_INST_ID_, DURATION_,
                         ROW_NUMBER() OVER (PARTITION BY ACT_ID_ ORDER BY DURATION_) AS RN,
                         COUNT(*) OVER (PARTITION BY ACT_ID_) AS N
                  FROM ACT_HI_ACTINST
                  WHERE PROC_DEF_KEY_ = ? AND END_TIME_ >= ? AND END_TIME_ < ? AND DURATION_ IS NOT NULL
                    AND ACT_TYPE_ <> 'multiInstanceBody') PASSES
            GROUP BY ACT_ID_""";

    /**
     * The running cases per step: the leaves of the execution trees (a case waits where an execution without children
     * stands: a task, a timer, a join, a job that failed), one count per case and step.
     */
    private static final String WAITING = """
            SELECT E.ACT_ID_, COUNT(DISTINCT E.PROC_INST_ID_)
            FROM ACT_RU_EXECUTION E JOIN ACT_RE_PROCDEF D ON D.ID_ = E.PROC_DEF_ID_
            WHERE D.KEY_ = ? AND E.ACT_ID_ IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION C WHERE C.PARENT_ID_ = E.ID_)
            GROUP BY E.ACT_ID_""";

    @Schema(name = "WaitingStep", description = "One step of the diagram (an activity id): its passes in the period and the cases there now")
    public record Step(@Schema(example = "Task_Approve") String activityId,
                       @Schema(nullable = true, example = "Godkend udbetaling") String name,
                       @Schema(description = "Passes that ended in the period (a loop passes a step more than once)", example = "14") long passes,
                       @Schema(description = "Cases that passed the step in the period", example = "12") long cases,
                       @Schema(nullable = true, description = "Median time there in minutes; null without passes", example = "95.5")
                       BigDecimal medianMinutes,
                       @Schema(nullable = true, description = "90th percentile of the time there in minutes; null without passes",
                               example = "1440.0") BigDecimal p90Minutes,
                       @Schema(description = "Running cases waiting there now", example = "3") long waitingNow) {
    }

    @Schema(name = "WaitingTimes", description = "Where the cases of a case type wait")
    public record Report(@Schema(example = "invoice-payouts") String caseType,
                         @Schema(example = "invoice-payout") String processKey,
                         @Schema(description = "The first day", example = "2027-01-01") LocalDate from,
                         @Schema(description = "The day after the last day", example = "2027-02-01") LocalDate to,
                         @Schema(description = "The steps of the latest diagram, then steps only older versions have")
                         List<Step> steps) {
    }

    private final JdbcClient jdbc;
    private final RepositoryService repositoryService;

    WaitingTimes(JdbcClient jdbc, RepositoryService repositoryService) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
    }

    /** Steps ended from {@code from} (inclusive) to {@code to} (exclusive), Copenhagen days. */
    public Report compute(String caseType, String processKey, LocalDate from, LocalDate to) {
        Map<String, Step> steps = new LinkedHashMap<>();
        latestDiagram(processKey).forEach((id, name) -> steps.put(id, new Step(id, name, 0, 0, null, null, 0)));
        jdbc.sql(PASSED).params(processKey, timestamp(from), timestamp(to)).query((row, n) -> new Step(row.getString(1), row.getString(2),
                        row.getLong(3), row.getLong(4), minutes(row.getObject(5)), minutes(row.getObject(6)), 0))
                .list().forEach(passed -> steps.merge(passed.activityId(), passed, (diagram, history) -> new Step(diagram.activityId(),
                        diagram.name() != null ? diagram.name() : history.name(), history.passes(), history.cases(),
                        history.medianMinutes(), history.p90Minutes(), 0)));
        jdbc.sql(WAITING).param(processKey).query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list()
                .forEach(waiting -> steps.merge(waiting.getKey(), new Step(waiting.getKey(), null, 0, 0, null, null, waiting.getValue()),
                        (known, now) -> new Step(known.activityId(), known.name(), known.passes(), known.cases(), known.medianMinutes(),
                                known.p90Minutes(), now.waitingNow())));
        return new Report(caseType, processKey, from, to, new ArrayList<>(steps.values()));
    }

    /** The latest deployed diagram of the process, as deployed (BPMN XML); null when none is. */
    public String latestDiagramXml(String processKey) {
        ProcessDefinition definition = latest(processKey);
        if (definition == null) {
            return null;
        }
        try (InputStream xml = repositoryService.getProcessModel(definition.getId()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            xml.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flow nodes of the latest diagram, id to name. */
    private Map<String, String> latestDiagram(String processKey) {
        Map<String, String> nodes = new LinkedHashMap<>();
        ProcessDefinition definition = latest(processKey);
        if (definition != null) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                nodes.put(node.getId(), node.getName());
            }
        }
        return nodes;
    }

    private ProcessDefinition latest(String processKey) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
    }

    private static Timestamp timestamp(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(COPENHAGEN).toInstant());
    }

    private static BigDecimal minutes(Object millis) {
        return millis == null ? null
                : new BigDecimal(millis.toString()).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }
}
