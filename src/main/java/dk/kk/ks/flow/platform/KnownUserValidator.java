package dk.kk.ks.flow.platform;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Checks a user id against Camunda's identity service; Spring creates it, so the service is injected. With profile
 * sso the identity service knows a person only after their first sign-in (platform/sso/SignIns), while ServiceNow
 * may start a case for someone who has never signed in to KS Flow: there the id must only have the form of one
 * (the user principal name the identity provider gives, e.g. anna.andersen@kk.dk).
 */
class KnownUserValidator implements ConstraintValidator<KnownUser, String> {

    /** Camunda's user-id pattern of profile sso (application-sso.yml), and the width of its id column. */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([-._@][a-zA-Z0-9]+)*");
    private static final int MAX_LENGTH = 64;

    private final IdentityService identityService;
    private final boolean signInThroughProvider;

    KnownUserValidator(IdentityService identityService, Environment environment) {
        this.identityService = identityService;
        this.signInThroughProvider = environment.acceptsProfiles(Profiles.of("sso"));
    }

    @Override
    public boolean isValid(String userId, ConstraintValidatorContext context) {
        if (userId == null || userId.isBlank()) {
            return true;
        }
        if (signInThroughProvider) {
            return userId.length() <= MAX_LENGTH && USER_ID.matcher(userId).matches();
        }
        return identityService.createUserQuery().userId(userId).count() > 0;
    }
}
