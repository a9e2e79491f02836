package dk.kk.ks.flow.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.camunda.bpm.engine.IdentityService;

/** Checks a user id against Camunda's identity service; Spring creates it, so the service is injected. */
class KnownUserValidator implements ConstraintValidator<KnownUser, String> {

    private final IdentityService identityService;

    KnownUserValidator(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public boolean isValid(String userId, ConstraintValidatorContext context) {
        return userId == null || userId.isBlank() || identityService.createUserQuery().userId(userId).count() > 0;
    }
}
