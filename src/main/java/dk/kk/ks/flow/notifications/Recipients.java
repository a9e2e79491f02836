package dk.kk.ks.flow.notifications;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.FourEyes;

/**
 * Who is told about a task: its assignee, or else its candidate users and the members of its candidate groups (a group
 * with a shared mailbox, {@code ksflow.notifications.group-mailboxes}, is told there instead), never a person the
 * four-eyes rules keep from completing it. Addresses and the digest choice come from Camunda's identity service; a
 * person without an e-mail address is skipped. The identity service is read without the current user's
 * authorizations: the approver whose completion creates the next task need not be allowed to list the next group.
 */
@Component
class Recipients {

    /** The user info key of the digest choice ("true": one daily e-mail). */
    static final String DIGEST_KEY = "ksflow.notifications.digest";

    private final IdentityService identityService;
    private final NotificationProperties properties;

    Recipients(IdentityService identityService, NotificationProperties properties) {
        this.identityService = identityService;
        this.properties = properties;
    }

    List<Recipient> forTask(String assignee, Collection<String> candidateUsers, Collection<String> candidateGroups, Set<String> excluded) {
        return withoutAuthorization(() -> {
            Map<String, Recipient> recipients = new LinkedHashMap<>();
            Set<String> users = new LinkedHashSet<>();
            if (assignee != null) {
                users.add(assignee);
            } else {
                users.addAll(candidateUsers);
                for (String group : candidateGroups) {
                    String mailbox = properties.groupMailboxes().get(group);
                    if (mailbox != null && !mailbox.isBlank()) {
                        recipients.putIfAbsent(mailbox, Recipient.mailbox(mailbox));
                    } else {
                        identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> users.add(user.getId()));
                    }
                }
            }
            users.removeIf(user -> excluded.stream().anyMatch(other -> FourEyes.samePerson(user, other)));
            for (Recipient person : lookUp(users, true)) {
                recipients.putIfAbsent(person.address(), person);
            }
            return List.copyOf(recipients.values());
        });
    }

    /** People told about a case (not a task): at once, whatever their digest choice. */
    List<Recipient> people(Collection<String> userIds) {
        return withoutAuthorization(() -> lookUp(new LinkedHashSet<>(userIds), false));
    }

    /** The person's display name, or the user id when the identity service does not know it. */
    String name(String userId) {
        return withoutAuthorization(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                return userId;
            }
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).trim();
            return name.isEmpty() ? userId : name;
        });
    }

    private List<Recipient> lookUp(Set<String> userIds, boolean withDigestChoice) {
        List<Recipient> found = new ArrayList<>();
        for (String userId : userIds) {
            if (userId == null || userId.isBlank()) {
                continue;
            }
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            boolean digest = withDigestChoice && "true".equals(identityService.getUserInfo(userId, DIGEST_KEY));
            found.add(new Recipient(userId, user.getEmail().trim(), digest));
        }
        return found;
    }

    private static <T> T withoutAuthorization(Callable<T> work) {
        CommandContext commandContext = Context.getCommandContext();
        try {
            return commandContext == null ? work.call() : commandContext.runWithoutAuthorization(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
