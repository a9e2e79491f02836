package dk.kk.ks.flow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A user id that exists in Camunda's identity service (fields such as requestedBy and reportedBy). */
@Documented
@Constraint(validatedBy = KnownUserValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownUser {

    String message() default "must be the user id of a known user";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
