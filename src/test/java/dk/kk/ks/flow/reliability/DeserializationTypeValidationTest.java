package dk.kk.ks.flow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import dk.kk.ks.flow.cases.CaseView;
import dk.kk.ks.flow.support.IntegrationTestCase;

/**
 * Object variables are deserialized only into the types the application stores. A serialized value that names
 * any other class is stored as text, but the engine refuses to turn it into an object (a harmless java.net.URL
 * stands here for the classes an attacker would name); the application's own list variables still read.
 */
class DeserializationTypeValidationTest extends IntegrationTestCase {

    @Test
    void aVariableNamingAClassOutsideTheAllowListIsNeverDeserialized() {
        CaseView payout = createCase("invoice-payouts", Map.of("serviceNowRef", newServiceNowRef("RITM"), "debtorNumber", "100234",
                "payee", "Jens Hansen", "amount", 12500.00, "reason", "Typevalidering", "requestedBy", "anna")).getBody();
        awaitStep(payout.caseId(), "Godkend udbetaling");
        String variables = "/engine-rest/process-instance/" + payout.caseId() + "/variables/";

        ResponseEntity<String> gadget = as("demo").exchange(variables + "gadget", HttpMethod.PUT, jsonEntity(Map.of(
                "type", "Object",
                "value", "\"http://attacker.example.invalid/\"",
                "valueInfo", Map.of("objectTypeName", "java.net.URL",
                        "serializationDataFormat", "application/json"))), String.class);
        assertThat(gadget.getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> read = as("demo").getForEntity(variables + "gadget", String.class);
        assertThat(read.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(read.getBody()).contains("java.net.URL");

        // The application's own object variables (a list of strings from the approval decision table) still read.
        ResponseEntity<String> approvers = as("demo").getForEntity(variables + "approverGroups", String.class);
        assertThat(approvers.getStatusCode().value()).isEqualTo(200);
        assertThat(approvers.getBody()).contains("debitor-godkendere");
        // ... stored under its class's name alone, which the engine finds without searching the class path
        // (platform/PlainCollectionTypes)
        ResponseEntity<String> stored = as("demo").getForEntity(variables + "approverGroups?deserializeValue=false", String.class);
        assertThat(stored.getBody()).contains("\"objectTypeName\":\"java.util.").doesNotContain("<");
    }
}
