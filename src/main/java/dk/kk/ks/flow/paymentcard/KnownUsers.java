package dk.kk.ks.flow.paymentcard;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Whether a user id exists in Camunda's identity service, whoever is logged in: inside a task listener
 * the query runs without the completing user's authorizations, so the answer never depends on which
 * users they may read in Admin.
 */
@Component
class KnownUsers {

    private final IdentityService identityService;

    KnownUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    boolean exists(String userId) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return count(userId) > 0;
        }
        return context.runWithoutAuthorization(() -> count(userId)) > 0;
    }

    private long count(String userId) {
        return identityService.createUserQuery().userId(userId).count();
    }
}
