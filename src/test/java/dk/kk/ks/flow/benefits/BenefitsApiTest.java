package dk.kk.ks.flow.benefits;

import static dk.kk.ks.flow.support.ProblemAnswers.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import dk.kk.ks.flow.support.IntegrationTestCase;

/** Management reads the report; nobody else does. */
class BenefitsApiTest extends IntegrationTestCase {

    @Test
    void managementSeesThePageTheJsonAndTheCsv() {
        ResponseEntity<String> page = as("chef").getForEntity("/benefits", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Gevinstopfølgning", "<svg", "timesheets", "Mål (årsværk)");

        ResponseEntity<String> json = as("chef").getForEntity("/api/v1/benefits?from=2026-01-01&to=2027-01-01", String.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.getBody()).contains("\"rows\"", "\"targetFte\"", "\"earliestData\"");

        ResponseEntity<String> csv = as("demo").getForEntity("/api/v1/benefits?format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("sagstype;startet;afsluttet");
    }

    @Test
    void othersAreRefused() {
        assertThat(as("bo").getForEntity("/benefits", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("servicenow").getForEntity("/api/v1/benefits", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/benefits", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aFormatOtherThanJsonOrCsvIsRefusedAndNamed() {
        for (String format : List.of("xml", "CSV", "")) {
            JsonNode problem = assertProblem(as("chef").getForEntity("/api/v1/benefits?format=" + format, String.class), 400);
            assertThat(problem.get("errors").findValuesAsText("field")).as(format).containsExactly("format");
        }
    }

    @Test
    void anEmptyPeriodIsABadRequest() {
        assertThat(as("chef").getForEntity("/api/v1/benefits?from=2027-02-01&to=2027-01-01", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
