package dk.kk.ks.flow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * User ids name the same person whatever their case: with sign-in through the identity provider the id is a user
 * principal name, which ServiceNow may send in another case than the token carries. The requester of a case must not
 * get past four eyes by signing in as "Anna.Andersen@kk.dk" when ServiceNow wrote "anna.andersen@kk.dk".
 */
class FourEyesTest {

    @Test
    void theRequesterIsRefusedWhateverTheCaseOfHerUserId() {
        assertThatThrownBy(() -> FourEyes.notTheRequester("Anna.Andersen@kk.dk", "anna.andersen@KK.DK", "Du kan ikke godkende din egen sag."))
                .isInstanceOf(FourEyesRefusal.class).hasMessage("Du kan ikke godkende din egen sag.");
        assertThatThrownBy(() -> FourEyes.notTheRequester("ANNA", "anna", "nej")).isInstanceOf(FourEyesRefusal.class);
        assertThatCode(() -> FourEyes.notTheRequester("bo", "anna", "nej")).doesNotThrowAnyException();
    }

    @Test
    void samePersonComparesIdsNotPrefixesAndNeverMatchesAMissingId() {
        assertThat(FourEyes.samePerson("anna", "ANNA")).isTrue();
        assertThat(FourEyes.samePerson("anna", "anna2")).isFalse();
        assertThat(FourEyes.samePerson(null, "anna")).isFalse();
        assertThat(FourEyes.samePerson("anna", null)).isFalse();
    }
}
