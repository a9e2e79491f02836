package dk.kk.ks.flow.benefits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * The benefits report's figures computed the old way, in Java over every historic instance and task of the
 * period read through the engine's query API: the oracle the database's aggregate queries are checked against.
 */
public final class BenefitsOracle {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private BenefitsOracle() {
    }

    public static Map<String, BenefitsReport.Figures> figures(HistoryService historyService, List<String> keys, LocalDate from, LocalDate to) {
        Map<String, BenefitsReport.Figures> figures = new HashMap<>();
        for (String key : keys) {
            BenefitsReport.Figures one = figures(historyService, key, from, to);
            if (one.started() > 0) {
                figures.put(key, one);
            }
        }
        return figures;
    }

    private static BenefitsReport.Figures figures(HistoryService historyService, String key, LocalDate from, LocalDate to) {
        List<HistoricProcessInstance> cases = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(key).rootProcessInstances()
                .startedAfter(date(from.minusDays(1))).startedBefore(date(to))
                .list().stream().filter(c -> !c.getStartTime().before(date(from)) && c.getStartTime().before(date(to))).toList();
        Map<String, List<HistoricTaskInstance>> tasksByCase = new HashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processDefinitionKey(key).startedAfter(date(from.minusDays(1))).list()) {
            tasksByCase.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task);
        }
        List<HistoricProcessInstance> completed = cases.stream().filter(c -> c.getEndTime() != null).toList();
        long automatic = completed.stream().filter(c -> !tasksByCase.containsKey(c.getId())).count();
        List<Long> stepMillis = cases.stream()
                .flatMap(c -> tasksByCase.getOrDefault(c.getId(), List.of()).stream())
                .filter(task -> task.getEndTime() != null)
                .map(HistoricTaskInstance::getDurationInMillis).sorted().toList();
        List<Long> cycleMillis = completed.stream().map(HistoricProcessInstance::getDurationInMillis).sorted().toList();
        return new BenefitsReport.Figures(cases.size(), completed.size(), automatic, stepMillis.size(),
                percentile(stepMillis, 50), percentile(stepMillis, 90), percentile(cycleMillis, 50));
    }

    /** Nearest-rank percentile; null without values. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }
}
