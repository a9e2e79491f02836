package dk.kk.ks.flow.paymentcard;

import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dk.kk.ks.flow.integration.opus.OpusLonPort;
import dk.kk.ks.flow.platform.FourEyes;

/**
 * Who approves a payment card (docs/rules.md, "Payment cards"), from Opus's organisation data: the employee's
 * manager; when the requester is that manager, the manager's manager. A manager counts only with a
 * user id that KS Flow knows (the approval task is assigned to it). When none is found, the case names
 * why, and a caseworker in KS Økonomi appoints the approver.
 */
@Component
class ManagerLookup {

    /** Opus has no manager (with a known user) for the employee. */
    static final String NO_MANAGER = "NO_MANAGER";
    /** The requester is the employee's manager, and Opus has no manager (with a known user) above them. */
    static final String NO_MANAGER_ABOVE_REQUESTER = "NO_MANAGER_ABOVE_REQUESTER";

    /**
     * The answer: the employee (null when Opus does not know them), the approver's user id (null when none
     * was found, then {@code missingReason} says why), and whether the approval went one level up.
     */
    record Lookup(OpusLonPort.Employee employee, String approver, boolean escalated, String missingReason) {

        static Lookup missing(OpusLonPort.Employee employee, boolean escalated, String reason) {
            return new Lookup(employee, null, escalated, reason);
        }
    }

    private final OpusLonPort opus;
    private final Predicate<String> knownUser;

    @Autowired
    ManagerLookup(OpusLonPort opus, KnownUsers knownUsers) {
        this(opus, knownUsers::exists);
    }

    ManagerLookup(OpusLonPort opus, Predicate<String> knownUser) {
        this.opus = opus;
        this.knownUser = knownUser;
    }

    Lookup approverFor(String employeeNumber, String requestedBy) {
        OpusLonPort.Employee employee = opus.employee(employeeNumber).orElse(null);
        if (employee == null) {
            return new Lookup(null, null, false, null);
        }
        Optional<OpusLonPort.Employee> manager = managerOf(employee);
        if (manager.isEmpty()) {
            return Lookup.missing(employee, false, NO_MANAGER);
        }
        OpusLonPort.Employee approver = manager.get();
        boolean escalated = FourEyes.samePerson(approver.userId(), requestedBy);
        if (escalated) {
            Optional<OpusLonPort.Employee> secondLevel = managerOf(approver);
            if (secondLevel.isEmpty()) {
                return Lookup.missing(employee, true, NO_MANAGER_ABOVE_REQUESTER);
            }
            approver = secondLevel.get();
        }
        if (FourEyes.samePerson(approver.userId(), employee.userId()) || FourEyes.samePerson(approver.userId(), requestedBy)) {
            // Organisation data going round in a circle: nobody approves their own card or their own request.
            return Lookup.missing(employee, escalated, escalated ? NO_MANAGER_ABOVE_REQUESTER : NO_MANAGER);
        }
        return new Lookup(employee, approver.userId(), escalated, null);
    }

    /** The person's manager in Opus, if Opus names one who has a user id known to KS Flow. */
    private Optional<OpusLonPort.Employee> managerOf(OpusLonPort.Employee person) {
        String managerNumber = person.managerEmployeeNumber();
        if (managerNumber == null || managerNumber.isBlank() || managerNumber.equals(person.employeeNumber())) {
            return Optional.empty();
        }
        return opus.employee(managerNumber)
                .filter(manager -> manager.userId() != null && !manager.userId().isBlank() && knownUser.test(manager.userId()));
    }
}
