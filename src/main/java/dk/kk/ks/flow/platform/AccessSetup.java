package dk.kk.ks.flow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine authorizations each group needs, and the shared Tasklist filters. Runs at every start
 * and only adds what is missing, so an administrator's own changes in Admin are kept.
 */
@Component
class AccessSetup {

    private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);
    private static final String ANY = "*";

    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    AccessSetup(AuthorizationService authorizationService, FilterService filterService, TaskService taskService) {
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    void setUp() {
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : Groups.APPROVER_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        // Process owners deploy changed diagrams and decision tables from Camunda Modeler, and read the rest.
        grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        narrowTaskGrants();

        filter("Opgaver til mine grupper", 1, null,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        filter("Mine opgaver", 2, null,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        int priority = 10;
        for (WorkFilter work : WORK_FILTERS) {
            filter(work.name(), priority++, work.group(), taskService.createTaskQuery().processDefinitionKey(work.processKey())
                    .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        }
    }

    /** A Tasklist filter per kind of work, shown only to the group that does it, so each person sees their own work first. */
    private record WorkFilter(String name, String processKey, String group) {
    }

    private static final java.util.List<WorkFilter> WORK_FILTERS = java.util.List.of(
            new WorkFilter("Udbetalinger til godkendelse", "invoice-payout", Groups.DEBITOR_APPROVERS),
            new WorkFilter("Udbetalinger til økonomichef", "invoice-payout", Groups.FINANCE_MANAGERS),
            new WorkFilter("Timesedler til kontrol", "timesheet", Groups.PAYROLL),
            new WorkFilter("Fratrædelser", "resignation", Groups.PAYROLL),
            new WorkFilter("Posteringer til kontrol", "posting", Groups.BOOKKEEPING),
            new WorkFilter("Reguleringer til kontrol", "service-contract-regulation", Groups.FINANCE));

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * The engine gives the people a task is offered or assigned to TASK_WORK (FourEyesEnginePlugin); tasks created
     * before that kept Camunda's default UPDATE, with which their candidates could change the task's variables and
     * reassign it. Those grants become TASK_WORK too; an administrator's grants on all tasks are left as they are.
     */
    private void narrowTaskGrants() {
        List<Authorization> broad = authorizationService.createAuthorizationQuery()
                .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list();
        int narrowed = 0;
        for (Authorization authorization : broad) {
            if (ANY.equals(authorization.getResourceId()) || Groups.ADMIN.equals(authorization.getGroupId())) {
                continue;
            }
            authorization.removePermission(Permissions.UPDATE);
            authorization.addPermission(Permissions.TASK_WORK);
            try {
                authorizationService.saveAuthorization(authorization);
                narrowed++;
            } catch (OptimisticLockingException anotherNodeDidIt) {
                log.debug("Task authorization {} was narrowed by another node", authorization.getId());
            }
        }
        if (narrowed > 0) {
            log.info("Narrowed {} task authorizations from UPDATE to TASK_WORK", narrowed);
        }
    }

    /** A shared filter, readable by everybody (group null) or by one group. */
    private void filter(String name, int priority, String group, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
        filterService.saveFilter(filter);
        Authorization read = authorizationService.createNewAuthorization(group == null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
        if (group == null) {
            read.setUserId(Authorization.ANY);
        } else {
            read.setGroupId(group);
        }
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
        log.info("Created Tasklist filter '{}'", name);
    }
}
