package dk.kk.ks.flow.integration.servicenow;

import dk.kk.ks.flow.integration.ForeignErrorAnswers;
import dk.kk.ks.flow.integration.ExternalErrorDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.openfeign.FeignClientFactory;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import feign.codec.Decoder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;


import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort.ServiceNowRecord;
import dk.kk.ks.flow.integration.servicenow.ServiceNowPort.State;
import dk.kk.ks.flow.support.ContractTestCase;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The contract of ServiceNow's Table API as ServiceNowPort uses it. */
class ServiceNowClientContractTest extends ContractTestCase {

    private static final String TABLE_API = "/api/now/table/";
    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("sn-user:sn-secret".getBytes(StandardCharsets.UTF_8));

    @Autowired
    private ServiceNowPort serviceNow;

    @Autowired
    private FeignClientFactory feignClients;

    /**
     * One request to the freshly started WireMock before the tests, so that a cold server in a busy JVM does not
     * exceed the clients' read timeout in whichever test runs first (the journal is reset before each test).
     */
    @BeforeAll
    static void warmUpWireMock() throws Exception {
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(wireMock.baseUrl() + "/warm-up")).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void findByNumberQueriesTheRequestItemTableByNumberForTheRecordsFieldsAndReadsTheFirstRow() {
        stubQuery("sc_req_item", """
                {"result":[{"sys_id":"a1b2c3","number":"RITM0012345","state":"1","short_description":"ignored"}]}""");

        Optional<ServiceNowRecord> found = serviceNow.findByNumber("RITM0012345");

        assertThat(found).contains(new ServiceNowRecord("a1b2c3", "RITM0012345", "1"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item"))
                .withQueryParam("sysparm_query", equalTo("number=RITM0012345"))
                .withQueryParam("sysparm_limit", equalTo("1"))
                .withQueryParam("sysparm_fields", equalTo("sys_id,number,state"))
                .withHeader("Authorization", equalTo(BASIC_AUTH)));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    /** ExternalSystemFeignConfiguration's decoder, not Spring Cloud OpenFeign's default, in every system's client. */
    @Test
    void everyExternalSystemsClientDecodesWithTheDecoderThatLooksTheConvertersUpOnce() {
        assertThat(feignClients.getContextNames())
                .contains("servicenow", "opusDebitor", "opusLon", "opusOekonomi", "edoc", "digitalpost", "cardissuer");
        for (String client : feignClients.getContextNames()) {
            assertThat(feignClients.getInstances(client, Decoder.class)).as(client).containsOnlyKeys("decoder");
        }
    }

    @Test
    void queryPassesTheEncodedQueryAndLimitAndReturnsEveryRowsFields() {
        stubQuery("sc_req_item", """
                {"result":[{"sys_id":"a1","number":"RITM0000001","u_employee_number":"E1"},
                           {"sys_id":"a2","number":"RITM0000002","u_employee_number":"E2"}]}""");

        List<java.util.Map<String, Object>> rows = serviceNow.query("sc_req_item", "u_category=resignation^state=3", 500);

        assertThat(rows).extracting(row -> row.get("u_employee_number")).containsExactly("E1", "E2");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item"))
                .withQueryParam("sysparm_query", equalTo("u_category=resignation^state=3"))
                .withQueryParam("sysparm_limit", equalTo("500"))
                .withQueryParam("sysparm_fields", absent())
                .withHeader("Authorization", equalTo(BASIC_AUTH)));
    }

    @Test
    void findByNumberGivesNothingForAnEmptyResult() {
        stubQuery("sc_req_item", """
                {"result":[]}""");

        assertThat(serviceNow.findByNumber("RITM0099999")).isEmpty();
    }

    @Test
    void findByNumberLooksUpAnIncidentNumberInTheIncidentTable() {
        stubQuery("incident", """
                {"result":[{"sys_id":"inc-1","number":"INC0000042","state":"2"}]}""");

        assertThat(serviceNow.findByNumber("INC0000042")).contains(new ServiceNowRecord("inc-1", "INC0000042", "2"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TABLE_API + "incident"))
                .withQueryParam("sysparm_query", equalTo("number=INC0000042"))
                .withQueryParam("sysparm_limit", equalTo("1")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item")));
    }

    @Test
    void updateFindsTheRecordThenPatchesStateAndWorkNoteWithTheIdempotencyKey() {
        stubQuery("sc_req_item", """
                {"result":[{"sys_id":"a1b2c3","number":"RITM0012345","state":"2"}]}""");
        wireMock.stubFor(patch(urlPathEqualTo(TABLE_API + "sc_req_item/a1b2c3")).willReturn(okJson("""
                {"result":{"sys_id":"a1b2c3","number":"RITM0012345","state":"3"}}""")));

        serviceNow.update("RITM0012345", State.CLOSED_COMPLETE, "Udbetaling registreret", "case-1:registerPayout");

        assertThat(methodsInOrderReceived()).containsExactly(RequestMethod.GET, RequestMethod.PATCH);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item"))
                .withQueryParam("sysparm_query", equalTo("number=RITM0012345"))
                .withQueryParam("sysparm_limit", equalTo("1"))
                .withQueryParam("sysparm_fields", equalTo("sys_id,number,state"))
                .withHeader("Authorization", equalTo(BASIC_AUTH)));
        wireMock.verify(1, patchRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item/a1b2c3"))
                .withQueryParam("sysparm_fields", equalTo("sys_id,number"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:registerPayout"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"state":"3","work_notes":"Udbetaling registreret"}""")));
    }

    @Test
    void updateOfAnUnknownRecordIsRejectedWithoutPatching() {
        stubQuery("sc_req_item", """
                {"result":[]}""");

        Throwable thrown = catchThrowable(() ->
                serviceNow.update("RITM0099999", State.CLOSED_COMPLETE, "note", "case-2:closeRecord"));

        assertThat(thrown).isInstanceOfSatisfying(ExternalRejectionException.class, rejection -> {
            assertThat(rejection.code()).isEqualTo("RECORD_NOT_FOUND");
            assertThat(rejection.system()).isEqualTo("servicenow");
        });
        wireMock.verify(0, patchRequestedFor(urlPathMatching(".*")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item")));
    }

    static Stream<Arguments> errorAnswers() {
        return Stream.of(
                Arguments.of(500, ExternalSystemUnavailableException.class),
                Arguments.of(503, ExternalSystemUnavailableException.class),
                Arguments.of(429, ExternalSystemUnavailableException.class),
                Arguments.of(404, ExternalRejectionException.class),
                Arguments.of(401, ExternalContractException.class),
                Arguments.of(403, ExternalContractException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("errorAnswers")
    void errorAnswersToTheQueryAreMappedWithoutTheirBody(int status, Class<? extends ExternalSystemException> expected) {
        wireMock.stubFor(get(urlPathEqualTo(TABLE_API + "sc_req_item")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Caller " + FAKE_CPR + " not allowed\"}}")));

        Throwable thrown = catchThrowable(() -> serviceNow.findByNumber("RITM0012345"));

        assertThat(thrown).isExactlyInstanceOf(expected);
        ExternalSystemException failure = expected.cast(thrown);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.system()).isEqualTo("servicenow");
        assertThat(failure.getMessage()).doesNotContain(FAKE_CPR).doesNotContain("not allowed").doesNotContain("RITM0012345");
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRejectedPatchIsABusinessRejectionWhenServiceNowSaysSoInItsErrorDocument() {
        stubQuery("sc_req_item", """
                {"result":[{"sys_id":"a1b2c3","number":"RITM0012345","state":"7"}]}""");
        wireMock.stubFor(patch(urlPathEqualTo(TABLE_API + "sc_req_item/a1b2c3")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"No Record found\",\"detail\":\"Record of " + FAKE_CPR + " doesn't exist\"},"
                        + "\"status\":\"failure\"}")));

        Throwable thrown = catchThrowable(() ->
                serviceNow.update("RITM0012345", State.WORK_IN_PROGRESS, "note", "case-3:reopen"));

        assertThat(thrown).isInstanceOfSatisfying(ExternalRejectionException.class, rejection -> {
            // ServiceNow's Table API names no code: a record it does not find is RECORD_NOT_FOUND, as for a number it does not know.
            assertThat(rejection.code()).isEqualTo("RECORD_NOT_FOUND");
            assertThat(rejection.status()).isEqualTo(404);
            assertThat(rejection.getMessage()).doesNotContain(FAKE_CPR);
        });
        wireMock.verify(1, patchRequestedFor(urlPathEqualTo(TABLE_API + "sc_req_item/a1b2c3")));
    }

    @Test
    void anUnavailableServiceNowIsCalledOnlyOnce() {
        wireMock.stubFor(get(urlPathEqualTo(TABLE_API + "sc_req_item")).willReturn(aResponse().withStatus(503)));

        Throwable thrown = catchThrowable(() -> serviceNow.findByNumber("RITM0012345"));

        assertThat(thrown).isInstanceOfSatisfying(ExternalSystemUnavailableException.class,
                unavailable -> assertThat(unavailable.status()).isEqualTo(503));
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutFailsAfterOneRequest() {
        wireMock.stubFor(get(urlPathEqualTo(TABLE_API + "sc_req_item")).willReturn(okJson("""
                {"result":[]}""").withFixedDelay(READ_TIMEOUT_MILLIS + 1500)));

        Throwable thrown = catchThrowable(() -> serviceNow.findByNumber("RITM0012345"));

        // A timeout is a technical failure: the job fails, and the engine retries it. The message names
        // the system, not the URL (which could carry a query).
        assertThat(thrown).isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageContaining("did not answer").hasMessageNotContaining("RITM0012345").hasMessageNotContaining("http");
        assertThat(((ExternalSystemUnavailableException) thrown).status()).isZero();
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    private static void stubQuery(String table, String json) {
        wireMock.stubFor(get(urlPathEqualTo(TABLE_API + table)).willReturn(okJson(json)));
    }

    /** The methods of the requests WireMock received, oldest first (it lists them newest first). */
    private static List<RequestMethod> methodsInOrderReceived() {
        List<RequestMethod> methods = wireMock.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .map(LoggedRequest::getMethod)
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(methods);
        return methods;
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.SERVICENOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void anErrorAnswerThatIsNotServiceNowsOwnIsATechnicalFailureNotAnUnknownRecord(String answer, int status, String contentType,
                                                                                  String body) {
        wireMock.stubFor(get(urlPathEqualTo(TABLE_API + "sc_req_item")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> serviceNow.findByNumber("RITM0012345")), "servicenow", status);

        stubQuery("sc_req_item", """
                {"result":[{"sys_id":"a1b2c3","number":"RITM0012345","state":"1"}]}""");
        wireMock.stubFor(patch(urlPathEqualTo(TABLE_API + "sc_req_item/a1b2c3")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> serviceNow.update("RITM0012345", State.CLOSED_COMPLETE, "note",
                "case-1:closeRecord")), "servicenow", status);
    }
}
