package dk.kk.ks.flow.integration.opus;

import static org.assertj.core.api.Assertions.catchThrowable;
import dk.kk.ks.flow.integration.ForeignErrorAnswers;
import dk.kk.ks.flow.integration.ExternalErrorDecoder;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalRejectionException;
import dk.kk.ks.flow.integration.ExternalSystemUnavailableException;
import dk.kk.ks.flow.integration.IdempotencyKeys;
import dk.kk.ks.flow.support.ContractTestCase;

/** The contract of Opus Løn's employee data and one-off payments as OpusLonPort uses them (docs/opus-contract.md). */
class OpusLonClientContractTest extends ContractTestCase {

    private static final String BASIC_AUTH = "Basic "
            + Base64.getEncoder().encodeToString("opus-user:opus-secret".getBytes(StandardCharsets.UTF_8));

    @Autowired
    private OpusLonPort opusLon;

    @Test
    void anEmployeeIsReadWithTheirEmploymentAndSalary() {
        wireMock.stubFor(get(urlEqualTo("/api/loen/employees/E10001")).willReturn(okJson("""
                {"employeeNumber":"E10001","name":"Mette Jensen","cpr":"%s","userId":"mettej","hireDate":"2015-03-01",
                 "endDate":null,"annualSalary":420000.00,"department":"BUF","managerEmployeeNumber":"E20001",
                 "holidayDaysTakenThisHolidayYear":10.00,"employeeType":"OVERENSKOMST","probation":false,"hasPaymentCard":true}"""
                .formatted(FAKE_CPR))));

        OpusLonPort.Employee employee = opusLon.employee("E10001").orElseThrow();

        assertThat(employee.hireDate()).isEqualTo(LocalDate.of(2015, 3, 1));
        assertThat(employee.annualSalary()).isEqualByComparingTo("420000.00");
        assertThat(employee.employeeType()).isEqualTo(OpusLonPort.EmployeeType.OVERENSKOMST);
        assertThat(employee.hasPaymentCard()).isTrue();
        assertThat(employee.toString()).doesNotContain(FAKE_CPR);
        wireMock.verify(1, getRequestedFor(urlEqualTo("/api/loen/employees/E10001")).withHeader("Authorization", equalTo(BASIC_AUTH)));
    }

    @Test
    void anUnknownEmployeeIsEmptyNotAnError() {
        wireMock.stubFor(get(urlEqualTo("/api/loen/employees/E99999")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"EMPLOYEE_NOT_FOUND\"}")));

        assertThat(opusLon.employee("E99999")).isEmpty();
    }

    @Test
    void anOutageIsATechnicalFailure() {
        wireMock.stubFor(get(urlEqualTo("/api/loen/employees/E10001")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> opusLon.employee("E10001")).isInstanceOf(ExternalSystemUnavailableException.class);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void oneOffPaymentsArePostedWithLineKeysAndTheIdempotencyKey() {
        wireMock.stubFor(post(urlEqualTo("/api/loen/one-off-payments")).willReturn(okJson("""
                {"registered":2,"alreadyRegistered":0}""")));
        OpusLonPort.OneOffPayment payment = new OpusLonPort.OneOffPayment("E10001", "RITM0000002", List.of(
                new OpusLonPort.OneOffPaymentLine("case-1:2027-03-26:EVENING", "3101", LocalDate.of(2027, 3, 26),
                        new BigDecimal("6.00"), new BigDecimal("526.80")),
                new OpusLonPort.OneOffPaymentLine("case-1:2027-03-26:NIGHT", "3102", LocalDate.of(2027, 3, 26),
                        new BigDecimal("0.50"), new BigDecimal("49.08"))));

        OpusLonPort.Registration registration = opusLon.registerOneOffPayment(payment, "case-1:Task_PostSupplements");

        assertThat(registration).isEqualTo(new OpusLonPort.Registration(2, 0));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/api/loen/one-off-payments"))
                .withHeader(IdempotencyKeys.HEADER, equalTo("case-1:Task_PostSupplements"))
                .withHeader("Authorization", equalTo(BASIC_AUTH))
                .withRequestBody(equalToJson("""
                        {"employeeNumber":"E10001","reference":"RITM0000002","lines":[
                          {"lineKey":"case-1:2027-03-26:EVENING","wageType":"3101","date":"2027-03-26","hours":6.00,"amount":526.80},
                          {"lineKey":"case-1:2027-03-26:NIGHT","wageType":"3102","date":"2027-03-26","hours":0.50,"amount":49.08}]}""")));
    }

    @Test
    void aRefusedPaymentIsABusinessRejectionWithOpusCode() {
        wireMock.stubFor(post(urlEqualTo("/api/loen/one-off-payments")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"EMPLOYEE_NOT_FOUND\",\"message\":\"" + FAKE_CPR + "\"}")));

        assertThatThrownBy(() -> opusLon.registerOneOffPayment(new OpusLonPort.OneOffPayment("E1", "R", List.of()), "k"))
                .isInstanceOfSatisfying(ExternalRejectionException.class, e -> assertThat(e.code()).isEqualTo("EMPLOYEE_NOT_FOUND"))
                .hasMessageNotContaining(FAKE_CPR);
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.CODE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void aNotFoundThatIsNotOpusOwnAnswerIsATechnicalFailureNotAnUnknownEmployee(String answer, int status, String contentType, String body) {
        wireMock.stubFor(get(urlEqualTo("/api/loen/employees/E10001")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));
        wireMock.stubFor(post(urlEqualTo("/api/loen/employees/E10001/termination")).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> opusLon.employee("E10001")), "opus", status);
        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> opusLon.registerTermination("E10001",
                new OpusLonPort.Termination(LocalDate.of(2027, 1, 31), "RESIGNATION"), "case-1:registerTermination")), "opus", status);
    }
}
