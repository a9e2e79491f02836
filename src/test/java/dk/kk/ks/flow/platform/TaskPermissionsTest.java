package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.support.ProcessTestCase;

/**
 * The people a task is offered or assigned to may work on it, not change it: the engine gives them TASK_WORK
 * (claim, complete) instead of Camunda's default UPDATE (which also sets variables and reassigns), and the grants
 * of tasks created before keep nothing more.
 */
class TaskPermissionsTest extends ProcessTestCase {

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    AccessSetup accessSetup;

    @Test
    void aTasksCandidatesAndAssigneeGetWorkNotUpdate() {
        Task task = taskService.newTask();
        taskService.saveTask(task);
        try {
            taskService.addCandidateGroup(task.getId(), Groups.BOOKKEEPING);
            taskService.setAssignee(task.getId(), "bo");

            for (Authorization grant : grantsOn(task.getId())) {
                assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
                assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
                assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
            }
            assertThat(grantsOn(task.getId())).extracting(grant -> grant.getGroupId() != null ? grant.getGroupId() : grant.getUserId())
                    .containsExactlyInAnyOrder(Groups.BOOKKEEPING, "bo");
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    @Test
    void theUpdateGrantsOfOlderTasksAreNarrowedAndGrantsOnEveryTaskAreLeftAlone() {
        Authorization older = grant(Groups.PAYROLL, "task-from-before", Permissions.READ, Permissions.UPDATE);
        Authorization everyTask = grant(Groups.FINANCE, Authorization.ANY, Permissions.UPDATE);
        try {
            accessSetup.setUp();

            Authorization narrowed = reloaded(older);
            assertThat(narrowed.isPermissionGranted(Permissions.UPDATE)).isFalse();
            assertThat(narrowed.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
            assertThat(narrowed.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(reloaded(everyTask).isPermissionGranted(Permissions.UPDATE)).isTrue();
        } finally {
            authorizationService.deleteAuthorization(older.getId());
            authorizationService.deleteAuthorization(everyTask.getId());
        }
    }

    private java.util.List<Authorization> grantsOn(String taskId) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list();
    }

    private Authorization grant(String group, String resourceId, Permissions... permissions) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.TASK);
        grant.setResourceId(resourceId);
        for (Permissions permission : permissions) {
            grant.addPermission(permission);
        }
        return authorizationService.saveAuthorization(grant);
    }

    private Authorization reloaded(Authorization grant) {
        return authorizationService.createAuthorizationQuery().authorizationId(grant.getId()).singleResult();
    }
}
