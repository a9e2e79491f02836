package dk.kk.ks.flow.notifications;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import dk.kk.ks.flow.platform.ApprovalFacts;

/**
 * The people the four-eyes rules keep from completing a case's tasks (platform.ApprovalListener and FourEyes), read
 * from the same {@link ApprovalFacts} those rules decide from, never from process variables: the person who asked
 * for the case, the employee it is about (payment cards) and everyone who already approved it. They are not asked by
 * e-mail to do what the engine would refuse. A case type that adds such a rule records its fact in ApprovalFacts.
 */
@Component
class FourEyesExclusions {

    private final ApprovalFacts facts;

    FourEyesExclusions(ApprovalFacts facts) {
        this.facts = facts;
    }

    /** The user ids excluded from the tasks of the case. */
    Set<String> of(String caseId) {
        Set<String> excluded = new LinkedHashSet<>();
        facts.find(caseId, ApprovalFacts.Fact.REQUESTED_BY).ifPresent(excluded::add);
        facts.find(caseId, ApprovalFacts.Fact.EMPLOYEE_USER_ID).ifPresent(excluded::add);
        excluded.addAll(facts.approvals(caseId));
        return excluded;
    }
}
