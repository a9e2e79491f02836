package dk.kk.ks.flow.platform;

/**
 * A refusal because of who is completing the task: the four-eyes rule (nobody approves what they asked
 * for, nobody approves twice, only the assigned manager gives the manager's approval). The same person
 * can never complete the task; somebody else can. The REST APIs answer 403.
 */
public final class FourEyesRefusal extends TaskRefusal {

    public FourEyesRefusal(String danishMessage) {
        super(danishMessage);
    }
}
