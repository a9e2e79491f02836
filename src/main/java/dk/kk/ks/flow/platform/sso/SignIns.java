package dk.kk.ks.flow.platform.sso;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Records a person at each sign-in through the identity provider: their name and e-mail address (so forms, work
 * notes and e-mails show the name, not the user id, and notifications reach them) and their KS Flow groups as
 * memberships (so a group's e-mail reaches its members). No password is stored: the provider is the only way in,
 * and the groups that decide what a person may do are the ones of this sign-in's token, never these copies.
 */
public class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final IdentityService identityService;

    public SignIns(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void record(String userId, OidcUser person, List<String> groups) {
        try {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                user = identityService.newUser(userId);
            }
            String[] names = names(person);
            user.setFirstName(names[0]);
            user.setLastName(names[1]);
            if (person.getEmail() != null && !person.getEmail().isBlank()) {
                user.setEmail(person.getEmail());
            }
            identityService.saveUser(user);
            mirrorMemberships(userId, groups);
        } catch (RuntimeException e) {
            // The sign-in itself stands: what this person may do comes from the token, not from these records.
            log.warn("Could not record the sign-in of {} in the identity service: {}", userId, e.toString());
        }
    }

    /** Given and family name; else the full name split at its last space; else nothing (the user id is shown). */
    static String[] names(OidcUser person) {
        if (person.getGivenName() != null || person.getFamilyName() != null) {
            return new String[] {nonNull(person.getGivenName()), nonNull(person.getFamilyName())};
        }
        String full = nonNull(person.getFullName()).strip();
        int space = full.lastIndexOf(' ');
        return space < 0 ? new String[] {full, ""} : new String[] {full.substring(0, space), full.substring(space + 1)};
    }

    private void mirrorMemberships(String userId, List<String> groups) {
        Set<String> current = new HashSet<>();
        identityService.createGroupQuery().groupMember(userId).list().forEach(group -> current.add(group.getId()));
        for (String group : groups) {
            if (!current.remove(group)) {
                if (identityService.createGroupQuery().groupId(group).count() == 0) {
                    Group newGroup = identityService.newGroup(group);
                    newGroup.setName(group);
                    newGroup.setType("WORKFLOW");
                    identityService.saveGroup(newGroup);
                }
                identityService.createMembership(userId, group);
            }
        }
        current.forEach(stale -> identityService.deleteMembership(userId, stale));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
