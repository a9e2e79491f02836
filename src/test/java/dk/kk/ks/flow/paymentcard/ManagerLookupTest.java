package dk.kk.ks.flow.paymentcard;

import static dk.kk.ks.flow.paymentcard.PaymentCardFixtures.employee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** Who approves a card, from the organisation in Opus (docs/rules.md, "Payment cards"). */
class ManagerLookupTest {

    private final OpusLonPort opus = mock(OpusLonPort.class);
    private final Set<String> users = Set.of("leder1", "leder2", "anna");
    private final ManagerLookup lookup = new ManagerLookup(opus, users::contains);

    @BeforeEach
    void organisation() {
        // E10001 -> E20001 (leder1) -> E20002 (leder2) -> none
        when(opus.employee("E10001")).thenReturn(Optional.of(employee("E10001", "mettej", "E20001")));
        when(opus.employee("E20001")).thenReturn(Optional.of(employee("E20001", "leder1", "E20002")));
        when(opus.employee("E20002")).thenReturn(Optional.of(employee("E20002", "leder2", null)));
        when(opus.employee("E30001")).thenReturn(Optional.of(employee("E30001", "x", "E30002")));
        when(opus.employee("E30002")).thenReturn(Optional.of(employee("E30002", "notauser", "E20002")));
        when(opus.employee("E40001")).thenReturn(Optional.of(employee("E40001", "y", "E49999")));
        when(opus.employee("E50001")).thenReturn(Optional.of(employee("E50001", "leder2", "E50002")));
        when(opus.employee("E50002")).thenReturn(Optional.of(employee("E50002", "leder1", "E50001")));
    }

    @Test
    void theEmployeesManagerApproves() {
        ManagerLookup.Lookup found = lookup.approverFor("E10001", "anna");

        assertThat(found.approver()).isEqualTo("leder1");
        assertThat(found.escalated()).isFalse();
        assertThat(found.missingReason()).isNull();
        assertThat(found.employee().userId()).isEqualTo("mettej");
    }

    @Test
    void theEmployeeOrderingTheirOwnCardStillNeedsTheirManager() {
        assertThat(lookup.approverFor("E10001", "mettej").approver()).isEqualTo("leder1");
    }

    @Test
    void whenTheRequesterIsTheManagerTheManagersManagerApproves() {
        ManagerLookup.Lookup found = lookup.approverFor("E10001", "leder1");

        assertThat(found.approver()).isEqualTo("leder2");
        assertThat(found.escalated()).isTrue();
    }

    @Test
    void theManagersManagerOrderingDoesNotSkipTheManager() {
        assertThat(lookup.approverFor("E10001", "leder2").approver()).isEqualTo("leder1");
    }

    @Test
    void anEmployeeWithoutAManagerHasNoApprover() {
        ManagerLookup.Lookup found = lookup.approverFor("E20002", "anna");

        assertThat(found.approver()).isNull();
        assertThat(found.missingReason()).isEqualTo(ManagerLookup.NO_MANAGER);
    }

    @Test
    void aRequestingManagerWithoutAManagerAboveThemLeavesNoApprover() {
        ManagerLookup.Lookup found = lookup.approverFor("E20001", "leder2");

        assertThat(found.approver()).isNull();
        assertThat(found.escalated()).isTrue();
        assertThat(found.missingReason()).isEqualTo(ManagerLookup.NO_MANAGER_ABOVE_REQUESTER);
    }

    @Test
    void aManagerWithoutAUserInKsFlowOrUnknownToOpusCannotApprove() {
        assertThat(lookup.approverFor("E30001", "anna").missingReason()).isEqualTo(ManagerLookup.NO_MANAGER);
        assertThat(lookup.approverFor("E40001", "anna").missingReason()).isEqualTo(ManagerLookup.NO_MANAGER);
    }

    @Test
    void organisationDataGoingRoundInACircleNeverMakesTheEmployeeOrTheRequesterTheApprover() {
        // E50001 (leder2) is managed by E50002 (leder1), who is managed by E50001: leder1 orders for leder2.
        ManagerLookup.Lookup found = lookup.approverFor("E50001", "leder1");

        assertThat(found.approver()).isNull();
        assertThat(found.missingReason()).isEqualTo(ManagerLookup.NO_MANAGER_ABOVE_REQUESTER);
    }

    @Test
    void anEmployeeUnknownToOpusIsNoEmployee() {
        ManagerLookup.Lookup found = lookup.approverFor("E99999", "anna");

        assertThat(found.employee()).isNull();
        assertThat(found.approver()).isNull();
    }
}
