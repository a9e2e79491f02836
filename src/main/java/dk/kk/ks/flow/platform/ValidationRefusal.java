package dk.kk.ks.flow.platform;

/**
 * A refusal because of what was entered in the task's form: no decision, a rejection without a reason,
 * a date that is not a date or lies in the past. The same person can complete the task once the form is
 * corrected. The REST APIs answer 400.
 */
public final class ValidationRefusal extends TaskRefusal {

    public ValidationRefusal(String danishMessage) {
        super(danishMessage);
    }
}
