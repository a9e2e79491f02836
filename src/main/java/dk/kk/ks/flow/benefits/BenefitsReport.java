package dk.kk.ks.flow.benefits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The benefits report, computed from the engine's history for the cases started in a period: volumes,
 * the share with no human step, human steps and their durations, cycle times, and the staff time saved
 * projected to a year, beside the business case's target.
 */
@Service
public class BenefitsReport {

    /** One case type's figures. Times in minutes; money in kroner. */
    @Schema(name = "BenefitsRow", description = "One case type's figures; times in minutes, money in kroner")
    public record Row(@Schema(example = "invoice-payouts") String caseType,
                      @Schema(example = "12") long started,
                      @Schema(example = "10") long completed,
                      @Schema(description = "The share of completed cases with no human step, 0 to 1", example = "0.8") BigDecimal automaticShare,
                      @Schema(example = "2") long humanSteps,
                      @Schema(nullable = true, description = "Null without human steps", example = "12.5") BigDecimal humanStepMedianMinutes,
                      @Schema(nullable = true, description = "Null without human steps", example = "30.0") BigDecimal humanStepP90Minutes,
                      @Schema(nullable = true, description = "Null without completed cases", example = "45.0") BigDecimal cycleTimeMedianMinutes,
                      @Schema(example = "20.00") BigDecimal minutesBeforePerCase,
                      @Schema(example = "180.00") BigDecimal minutesSaved,
                      @Schema(example = "0.05") BigDecimal projectedFte,
                      @Schema(example = "31000") BigDecimal projectedKr,
                      @Schema(example = "0.5") BigDecimal targetFte) {
    }

    /** @param earliestData the first day the history holds a case for (history cleanup removes older ones) */
    @Schema(name = "BenefitsReport", description = "Staff time saved per case type in a period, against the business case")
    public record Report(@Schema(description = "The first day", example = "2027-01-01") LocalDate from,
                         @Schema(description = "The day after the last day", example = "2027-02-01") LocalDate to,
                         @Schema(nullable = true, description = "The first day the history holds a case for; null: none",
                                 example = "2026-06-01") LocalDate earliestData,
                         List<Row> rows) {
    }

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final HistoryService historyService;
    private final CaseTypes caseTypes;
    private final BenefitsProperties properties;

    BenefitsReport(HistoryService historyService, CaseTypes caseTypes, BenefitsProperties properties) {
        this.historyService = historyService;
        this.caseTypes = caseTypes;
        this.properties = properties;
    }

    /** The cases started from {@code from} (inclusive) to {@code to} (exclusive). */
    public Report compute(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        List<Row> rows = new ArrayList<>();
        for (CaseType<?> caseType : caseTypes.all()) {
            BenefitsProperties.Target target = properties.target(caseType.name());
            if (target != null) {
                rows.add(row(caseType, target, from, to));
            }
        }
        return new Report(from, to, earliestData(), rows);
    }

    private Row row(CaseType<?> caseType, BenefitsProperties.Target target, LocalDate from, LocalDate to) {
        List<HistoricProcessInstance> cases = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(caseType.processKey()).rootProcessInstances()
                .startedAfter(date(from.minusDays(1))).startedBefore(date(to))
                .list().stream().filter(c -> !c.getStartTime().before(date(from))).toList();
        Map<String, List<HistoricTaskInstance>> tasksByCase = new HashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processDefinitionKey(caseType.processKey()).startedAfter(date(from.minusDays(1))).list()) {
            tasksByCase.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task);
        }
        List<HistoricProcessInstance> completed = cases.stream().filter(c -> c.getEndTime() != null).toList();
        long automatic = completed.stream().filter(c -> !tasksByCase.containsKey(c.getId())).count();
        List<Long> stepMillis = cases.stream()
                .flatMap(c -> tasksByCase.getOrDefault(c.getId(), List.of()).stream())
                .filter(task -> task.getEndTime() != null)
                .map(HistoricTaskInstance::getDurationInMillis).sorted().toList();
        List<Long> cycleMillis = completed.stream().map(HistoricProcessInstance::getDurationInMillis).sorted().toList();

        BigDecimal minutesBefore = properties.minutesBefore(target);
        BigDecimal saved = minutesBefore.multiply(BigDecimal.valueOf(completed.size()))
                .subtract(target.minutesPerHumanStep().multiply(BigDecimal.valueOf(stepMillis.size())));
        BigDecimal yearFactor = BigDecimal.valueOf(365).divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to)), MathContext.DECIMAL64);
        BigDecimal projectedFte = saved.multiply(yearFactor).divide(MINUTES_PER_HOUR, MathContext.DECIMAL64)
                .divide(properties.fteHours(), MathContext.DECIMAL64);
        return new Row(caseType.name(), cases.size(), completed.size(),
                completed.isEmpty() ? BigDecimal.ZERO : ratio(automatic, completed.size()),
                stepMillis.size(), minutes(percentile(stepMillis, 50)), minutes(percentile(stepMillis, 90)),
                minutes(percentile(cycleMillis, 50)),
                minutesBefore.setScale(2, RoundingMode.HALF_UP),
                saved.setScale(2, RoundingMode.HALF_UP),
                projectedFte.setScale(2, RoundingMode.HALF_UP),
                projectedFte.multiply(properties.fteValueKr()).setScale(0, RoundingMode.HALF_UP),
                target.targetFte());
    }

    private LocalDate earliestData() {
        List<HistoricProcessInstance> first = historyService.createHistoricProcessInstanceQuery()
                .orderByProcessInstanceStartTime().asc().listPage(0, 1);
        return first.isEmpty() ? null : first.get(0).getStartTime().toInstant().atZone(ZONE).toLocalDate();
    }

    /** Nearest-rank percentile; null without values. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static BigDecimal minutes(Long millis) {
        return millis == null ? null : BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZONE).toInstant());
    }
}
