package dk.kk.ks.flow.benefits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dk.kk.ks.flow.cases.CaseType;
import dk.kk.ks.flow.cases.CaseTypes;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The benefits report, computed by the database from the engine's history for the cases started in a period: volumes,
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

    /**
     * The raw figures of one process in a period, as the database counts them: root instances started, those
     * ended, those ended without any user task, the ended user tasks of those instances with the nearest-rank
     * median and 90th percentile of their durations, and the nearest-rank median duration of the ended instances.
     * Durations in milliseconds; null without values.
     */
    public record Figures(long started, long completed, long automatic, long humanSteps,
                   Long stepP50Millis, Long stepP90Millis, Long cycleP50Millis) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, null, null, null);
    }

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    /*
     * The work is done by the database, over the engine's history tables (written at history level audit and
     * full alike): one aggregate query for the instances, one for their user tasks. PERCENTILE_DISC is the
     * nearest-rank percentile (PostgreSQL and H2). Root instances only: a resignation called by a dismissal is
     * part of the dismissal, and its tasks count for neither. Indexes: docs/decisions/0008-indexes-on-upgrade.md.
     */
    private static final String CASES = """
            SELECT p.PROC_DEF_KEY_ AS process_key, COUNT(*) AS started, COUNT(p.END_TIME_) AS completed,
                   SUM(CASE WHEN p.END_TIME_ IS NOT NULL AND NOT EXISTS
                       (SELECT 1 FROM ACT_HI_TASKINST t WHERE t.PROC_INST_ID_ = p.PROC_INST_ID_) THEN 1 ELSE 0 END) AS automatic,
                   PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY p.DURATION_) AS cycle_p50
            FROM ACT_HI_PROCINST p
            WHERE p.START_TIME_ >= :from AND p.START_TIME_ < :to AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL
              AND p.PROC_DEF_KEY_ IN (:keys)
            GROUP BY p.PROC_DEF_KEY_""";
    private static final String STEPS = """
            SELECT p.PROC_DEF_KEY_ AS process_key, COUNT(*) AS steps,
                   PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.DURATION_) AS step_p50,
                   PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY t.DURATION_) AS step_p90
            FROM ACT_HI_PROCINST p JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = p.PROC_INST_ID_
            WHERE p.START_TIME_ >= :from AND p.START_TIME_ < :to AND p.SUPER_PROCESS_INSTANCE_ID_ IS NULL
              AND p.PROC_DEF_KEY_ IN (:keys) AND t.END_TIME_ IS NOT NULL
            GROUP BY p.PROC_DEF_KEY_""";

    private final JdbcClient jdbc;
    private final CaseTypes caseTypes;
    private final BenefitsProperties properties;

    BenefitsReport(JdbcClient jdbc, CaseTypes caseTypes, BenefitsProperties properties) {
        this.jdbc = jdbc;
        this.caseTypes = caseTypes;
        this.properties = properties;
    }

    /** The cases started from {@code from} (inclusive) to {@code to} (exclusive). */
    public Report compute(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        Map<String, Figures> figures = figures(jdbc, caseTypes.all().stream().map(CaseType::processKey).toList(), from, to);
        List<Row> rows = new ArrayList<>();
        for (CaseType<?> caseType : caseTypes.all()) {
            BenefitsProperties.Target target = properties.target(caseType.name());
            if (target != null) {
                rows.add(row(caseType, target, figures.getOrDefault(caseType.processKey(), Figures.NONE), from, to));
            }
        }
        return new Report(from, to, earliestData(), rows);
    }

    /** The figures per process key (of those in {@code keys} with cases) for the cases started from {@code from} to {@code to}. */
    public static Map<String, Figures> figures(JdbcClient jdbc, List<String> keys, LocalDate from, LocalDate to) {
        Map<String, Object> params = Map.of("from", timestamp(from), "to", timestamp(to), "keys", keys);
        Map<String, Figures> figures = new HashMap<>();
        for (Map<String, Object> cases : jdbc.sql(CASES).params(params).query().listOfRows()) {
            figures.put((String) value(cases, "process_key"), new Figures(((Number) value(cases, "started")).longValue(),
                    ((Number) value(cases, "completed")).longValue(), ((Number) value(cases, "automatic")).longValue(),
                    0, null, null, longOrNull(value(cases, "cycle_p50"))));
        }
        for (Map<String, Object> steps : jdbc.sql(STEPS).params(params).query().listOfRows()) {
            figures.computeIfPresent((String) value(steps, "process_key"), (key, cases) -> new Figures(cases.started(),
                    cases.completed(), cases.automatic(), ((Number) value(steps, "steps")).longValue(),
                    longOrNull(value(steps, "step_p50")), longOrNull(value(steps, "step_p90")), cases.cycleP50Millis()));
        }
        return figures;
    }

    private Row row(CaseType<?> caseType, BenefitsProperties.Target target, Figures figures, LocalDate from, LocalDate to) {
        BigDecimal minutesBefore = properties.minutesBefore(target);
        BigDecimal saved = minutesBefore.multiply(BigDecimal.valueOf(figures.completed()))
                .subtract(target.minutesPerHumanStep().multiply(BigDecimal.valueOf(figures.humanSteps())));
        BigDecimal yearFactor = BigDecimal.valueOf(365).divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to)), MathContext.DECIMAL64);
        BigDecimal projectedFte = saved.multiply(yearFactor).divide(MINUTES_PER_HOUR, MathContext.DECIMAL64)
                .divide(properties.fteHours(), MathContext.DECIMAL64);
        return new Row(caseType.name(), figures.started(), figures.completed(),
                figures.completed() == 0 ? BigDecimal.ZERO : ratio(figures.automatic(), figures.completed()),
                figures.humanSteps(), minutes(figures.stepP50Millis()), minutes(figures.stepP90Millis()),
                minutes(figures.cycleP50Millis()),
                minutesBefore.setScale(2, RoundingMode.HALF_UP),
                saved.setScale(2, RoundingMode.HALF_UP),
                projectedFte.setScale(2, RoundingMode.HALF_UP),
                projectedFte.multiply(properties.fteValueKr()).setScale(0, RoundingMode.HALF_UP),
                target.targetFte());
    }

    private LocalDate earliestData() {
        Timestamp first = jdbc.sql("SELECT MIN(START_TIME_) FROM ACT_HI_PROCINST").query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        return first == null ? null : first.toInstant().atZone(ZONE).toLocalDate();
    }

    /** A column's value by its label in either case (H2 reports labels in upper case, PostgreSQL in lower). */
    private static Object value(Map<String, Object> row, String label) {
        return row.containsKey(label) ? row.get(label) : row.get(label.toUpperCase(java.util.Locale.ROOT));
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static BigDecimal minutes(Long millis) {
        return millis == null ? null : BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static Timestamp timestamp(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
    }
}
