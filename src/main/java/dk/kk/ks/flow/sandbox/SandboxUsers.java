package dk.kk.ks.flow.sandbox;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.Groups;

/** The sandbox profile's users (README, "Sandbox users"): password = user id, e-mail {id}@ksflow.test. Never created outside the sandbox. */
@Component
@ConditionalOnProperty(name = "ksflow.sandbox.enabled", havingValue = "true")
class SandboxUsers {

    private static final Logger log = LoggerFactory.getLogger(SandboxUsers.class);

    private static final List<String> CASEWORKER_GROUPS = List.of(
            Groups.DEBITOR_APPROVERS, Groups.BOOKKEEPING, Groups.PAYROLL, Groups.FINANCE, Groups.FINANCE_MANAGERS);

    private record SandboxUser(String id, String firstName, String lastName, List<String> groups) {

        /** bo@ksflow.test: what KS Flow sends them arrives at the sandbox's mail server (/sandbox/mail). */
        String email() {
            return id + "@ksflow.test";
        }
    }

    private static final List<SandboxUser> USERS = List.of(
            new SandboxUser("servicenow", "ServiceNow", "Integration", List.of(Groups.SERVICENOW_INTAKE)),
            new SandboxUser("demo", "Demo", "Administrator", allGroupsForDemo()),
            new SandboxUser("anna", "Anna", "Andersen", CASEWORKER_GROUPS),
            new SandboxUser("bo", "Bo", "Berg", CASEWORKER_GROUPS),
            new SandboxUser("leder1", "Lise", "Leder", List.of(Groups.MANAGERS)),
            new SandboxUser("leder2", "Lars", "Leder", List.of(Groups.MANAGERS)),
            new SandboxUser("procesejer", "Pia", "Procesejer", List.of(Groups.PROCESS_OWNERS)),
            new SandboxUser("chef", "Carl", "Chef", List.of(Groups.MANAGEMENT)),
            new SandboxUser("ksflow-system", "KS Flow", "System", List.of(Groups.SANDBOX_CLIENTS)));

    private static List<String> allGroupsForDemo() {
        List<String> groups = new java.util.ArrayList<>(List.of(Groups.ADMIN, Groups.PROCESS_OWNERS, Groups.MANAGEMENT));
        groups.addAll(List.of(Groups.APPROVER_GROUPS));
        return groups;
    }

    private final IdentityService identityService;

    SandboxUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(5)
    void createUsers() {
        for (SandboxUser user : USERS) {
            User existing = identityService.createUserQuery().userId(user.id()).singleResult();
            if (existing == null) {
                User newUser = identityService.newUser(user.id());
                newUser.setFirstName(user.firstName());
                newUser.setLastName(user.lastName());
                newUser.setEmail(user.email());
                newUser.setPassword(user.id());
                identityService.saveUser(newUser);
            } else if (!user.email().equals(existing.getEmail())) {
                // A sandbox database from before the users had these addresses (the sandbox mail server receives them).
                existing.setEmail(user.email());
                identityService.saveUser(existing);
            }
            for (String groupId : user.groups()) {
                ensureGroup(groupId);
                if (identityService.createUserQuery().userId(user.id()).memberOfGroup(groupId).count() == 0) {
                    identityService.createMembership(user.id(), groupId);
                }
            }
        }
        log.info("Sandbox users ready: {}", USERS.stream().map(SandboxUser::id).toList());
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(groupId);
            group.setType(Groups.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }
}
