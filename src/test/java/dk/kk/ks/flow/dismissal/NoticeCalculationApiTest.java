package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.kk.ks.flow.support.IntegrationTestCase;

class NoticeCalculationApiTest extends IntegrationTestCase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theContractExample() throws Exception {
        ResponseEntity<String> response = postJson("servicenow", "/api/v1/dismissals/notice-calculation",
                Map.of("hireDate", "2020-01-15", "noticeDate", "2022-11-10", "probation", false));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode notice = json.readTree(response.getBody());
        assertThat(notice.get("seniority").asText()).isEqualTo("P2Y9M26D");
        assertThat(notice.get("noticeMonths").asInt()).isEqualTo(4);
        assertThat(notice.get("noticeDays").asInt()).isZero();
        assertThat(notice.get("terminationDate").asText()).isEqualTo("2023-03-31");
        assertThat(notice.get("severanceMonths").asInt()).isZero();
    }

    @Test
    void probationGivesFourteenDays() throws Exception {
        JsonNode notice = json.readTree(postJson("servicenow", "/api/v1/dismissals/notice-calculation",
                Map.of("hireDate", "2027-01-01", "noticeDate", "2027-02-10", "probation", true)).getBody());
        assertThat(notice.get("noticeDays").asInt()).isEqualTo(14);
        assertThat(notice.get("noticeMonths").asInt()).isZero();
        assertThat(notice.get("terminationDate").asText()).isEqualTo("2027-02-24");
    }

    @Test
    void aNoticeAfterTheFirstThreeMonthsIsOrdinaryEvenWithProbationAgreed() throws Exception {
        JsonNode notice = json.readTree(postJson("servicenow", "/api/v1/dismissals/notice-calculation",
                Map.of("hireDate", "2027-02-02", "noticeDate", "2027-05-02", "probation", true)).getBody());
        assertThat(notice.get("noticeDays").asInt()).isZero();
        assertThat(notice.get("noticeMonths").asInt()).isEqualTo(1);
        assertThat(notice.get("terminationDate").asText()).isEqualTo("2027-06-30");
    }

    @Test
    void aNoticeDateBeforeTheHireDateIsNamed() throws Exception {
        ResponseEntity<String> response = postJson("servicenow", "/api/v1/dismissals/notice-calculation",
                Map.of("hireDate", "2020-01-15", "noticeDate", "2019-11-10"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("noticeDate");
    }
}
