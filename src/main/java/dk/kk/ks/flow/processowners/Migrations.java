package dk.kk.ks.flow.processowners;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dk.kk.ks.flow.cases.CaseType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Moves the running cases of a case type from older versions of its diagram to the latest deployed version, with
 * Camunda's migration API: per older version a plan that maps every activity to the activity with the same id
 * ({@code mapEqualActivities}), validated, then each case migrated on its own, so one case that cannot move (it waits
 * in a step the new version no longer has) does not hold back the others. A case keeps its id, its variables, its tasks
 * (with their ids) and the facts of its four-eyes rules, which are keyed on the case.
 * <p>
 * A dry run does the same inside one transaction that is rolled back at the end: it answers exactly what the real
 * run would do, and changes nothing.
 */
@Service
public class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    @Schema(name = "MigrationRefusal", description = "A case that could not move, and why (Danish)")
    public record NotMoved(@Schema(example = "3f1c2a9e-1b6d-11f0-9a8c-0242ac120002") String caseId,
                           @Schema(example = "[\"Sagen står ved trinnet Task_Old, som ikke findes i den nye version\"]") List<String> reasons) {
    }

    @Schema(name = "MigrationSource", description = "The running cases of one older version")
    public record Source(@Schema(example = "3") int version,
                         @Schema(example = "invoice-payout:3:8c1e2a0b-1b6d-11f0-9a8c-0242ac120002") String processDefinitionId,
                         @Schema(description = "Running cases of this version", example = "2") long cases,
                         @Schema(description = "The cases that moved (dry run: would move)",
                                 example = "[\"3f1c2a9e-1b6d-11f0-9a8c-0242ac120002\"]") List<String> moved,
                         @Schema(description = "The cases that could not move") List<NotMoved> notMoved,
                         @Schema(description = "Cases over the limit of one call, left for the next", example = "0") long remaining) {
    }

    @Schema(name = "MigrationReport", description = "What moved, or in a dry run what would move, to the latest version")
    public record Report(@Schema(example = "invoice-payouts") String caseType,
                         @Schema(example = "invoice-payout") String processKey,
                         @Schema(description = "The latest deployed version, which the cases move to", example = "4") int targetVersion,
                         @Schema(example = "invoice-payout:4:9d2f3b1c-1b6d-11f0-9a8c-0242ac120002") String targetProcessDefinitionId,
                         @Schema(description = "True: nothing was changed", example = "true") boolean dryRun,
                         @Schema(description = "The older versions with running cases, oldest first") List<Source> sources) {
    }

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transactions;
    private final int maxCases;

    Migrations(RepositoryService repositoryService, RuntimeService runtimeService, TransactionTemplate transactions,
               @Value("${ksflow.process-owners.migration.max-cases:1000}") int maxCases) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.transactions = transactions;
        this.maxCases = maxCases;
    }

    public Report migrate(CaseType<?> caseType, boolean dryRun) {
        return migrate(caseType.name(), caseType.processKey(), dryRun);
    }

    /** @param caseType the name the report gives the process */
    Report migrate(String caseType, String processKey, boolean dryRun) {
        if (!dryRun) {
            return run(caseType, processKey, false);
        }
        return transactions.execute(status -> {
            try {
                return run(caseType, processKey, true);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private Report run(String caseType, String processKey, boolean dryRun) {
        ProcessDefinition target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (target == null) {
            throw new NotFoundException("Sagstypen «" + caseType + "» har intet udrullet diagram");
        }
        List<Source> sources = new ArrayList<>();
        int budget = maxCases;
        for (ProcessDefinition source : repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().asc().list()) {
            if (source.getVersion() >= target.getVersion()) {
                continue;
            }
            long running = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            if (running == 0) {
                continue;
            }
            List<String> caseIds = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
                    .orderByProcessInstanceId().asc().listPage(0, budget).stream().map(ProcessInstance::getId).toList();
            budget -= caseIds.size();
            sources.add(migrate(source, target, running, caseIds));
        }
        Report report = new Report(caseType, processKey, target.getVersion(), target.getId(), dryRun, sources);
        if (!dryRun) {
            log.info("Migration of {} to version {}: {} cases moved, {} could not", caseType, target.getVersion(),
                    sources.stream().mapToInt(s -> s.moved().size()).sum(), sources.stream().mapToInt(s -> s.notMoved().size()).sum());
        }
        return report;
    }

    private Source migrate(ProcessDefinition source, ProcessDefinition target, long running, List<String> caseIds) {
        List<String> moved = new ArrayList<>();
        List<NotMoved> notMoved = new ArrayList<>();
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException invalid) {
            List<String> reasons = planReasons(invalid);
            caseIds.forEach(caseId -> notMoved.add(new NotMoved(caseId, reasons)));
            return new Source(source.getVersion(), source.getId(), running, moved, notMoved, running - caseIds.size());
        }
        for (String caseId : caseIds) {
            try {
                runtimeService.newMigration(plan).processInstanceIds(caseId).execute();
                moved.add(caseId);
            } catch (MigratingProcessInstanceValidationException invalid) {
                notMoved.add(new NotMoved(caseId, instanceReasons(invalid.getValidationReport())));
            } catch (OptimisticLockingException busy) {
                notMoved.add(new NotMoved(caseId, List.of("Sagen blev ændret samtidig (et trin kørte); prøv igen")));
            } catch (ProcessEngineException failed) {
                log.warn("Case {} could not be migrated from {} to {}: {}", caseId, source.getId(), target.getId(), failed.getMessage());
                notMoved.add(new NotMoved(caseId, List.of("Motoren afviste flytningen: " + failed.getMessage())));
            }
        }
        return new Source(source.getVersion(), source.getId(), running, moved, notMoved, running - caseIds.size());
    }

    /** Why the plan itself is invalid: an activity with the same id whose type or place changed, say. */
    private static List<String> planReasons(MigrationPlanValidationException invalid) {
        Set<String> reasons = new LinkedHashSet<>();
        for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
            String activity = report.getMigrationInstruction().getSourceActivityId();
            report.getFailures().forEach(failure -> reasons.add("Trinnet " + activity + " kan ikke overføres til den nye version: " + failure));
        }
        if (reasons.isEmpty()) {
            reasons.add("Den nye version kan ikke overtage sagerne fra denne version");
        }
        return List.copyOf(reasons);
    }

    /** Why one case cannot move: most often it waits in a step that the new version does not have (under the same id). */
    private static List<String> instanceReasons(MigratingProcessInstanceValidationReport report) {
        Set<String> reasons = new LinkedHashSet<>(report.getFailures());
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            activity.getFailures().forEach(failure -> reasons.add(stepReason(activity.getSourceScopeId(), failure)));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            transition.getFailures().forEach(failure -> reasons.add(stepReason(transition.getSourceScopeId(), failure)));
        }
        return List.copyOf(reasons);
    }

    private static String stepReason(String activityId, String failure) {
        return failure.contains("no migration instruction")
                ? "Sagen står ved trinnet " + activityId + ", som ikke findes i den nye version (samme id)"
                : "Sagen står ved trinnet " + activityId + ", som ikke kan overføres: " + failure;
    }
}
