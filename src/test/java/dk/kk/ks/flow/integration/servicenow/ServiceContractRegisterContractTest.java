package dk.kk.ks.flow.integration.servicenow;

import dk.kk.ks.flow.integration.ForeignErrorAnswers;
import dk.kk.ks.flow.integration.ExternalErrorDecoder;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dk.kk.ks.flow.integration.ExternalContractException;
import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister.ServiceContract;
import dk.kk.ks.flow.support.ContractTestCase;

/** The contract register as ServiceNow's Table API serves it: the custom table u_service_contract, every field a string. */
class ServiceContractRegisterContractTest extends ContractTestCase {

    private static final String TABLE = "/api/now/table/u_service_contract";

    @Autowired
    private ServiceContractRegister register;

    @Test
    void aContractIsReadByItsNumber() {
        wireMock.stubFor(get(urlPathEqualTo(TABLE)).willReturn(okJson("""
                {"result":[{"sys_id":"abc","number":"SK-2027-0042","u_department":"BUF","u_unit_price_per_month":"450.00",
                            "u_active_from":"2027-01-01","u_active_to":"2027-12-31"}]}""")));

        assertThat(register.find("SK-2027-0042")).contains(new ServiceContract("SK-2027-0042", "BUF", new BigDecimal("450.00"),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TABLE))
                .withQueryParam("sysparm_query", equalTo("number=SK-2027-0042"))
                .withQueryParam("sysparm_limit", equalTo("1")));
    }

    @Test
    void anOpenEndedContractHasNoLastDayAndAnUnknownOneIsEmpty() {
        wireMock.stubFor(get(urlPathEqualTo(TABLE)).withQueryParam("sysparm_query", equalTo("number=SK-2027-0100")).willReturn(okJson("""
                {"result":[{"sys_id":"def","number":"SK-2027-0100","u_department":"KFF","u_unit_price_per_month":"2500",
                            "u_active_from":"2027-01-01 00:00:00","u_active_to":""}]}""")));
        wireMock.stubFor(get(urlPathEqualTo(TABLE)).withQueryParam("sysparm_query", equalTo("number=SK-0000-0000"))
                .willReturn(okJson("{\"result\":[]}")));

        ServiceContract openEnded = register.find("SK-2027-0100").orElseThrow();
        assertThat(openEnded.activeTo()).isNull();
        assertThat(openEnded.activeOn(LocalDate.of(2040, 1, 1))).isTrue();
        assertThat(register.find("SK-0000-0000")).isEmpty();
    }

    @Test
    void aContractThatCannotBeReadIsAContractErrorForAnOperator() {
        wireMock.stubFor(get(urlPathEqualTo(TABLE)).willReturn(okJson("""
                {"result":[{"sys_id":"abc","number":"SK-2027-0042","u_department":"BUF","u_unit_price_per_month":"",
                            "u_active_from":"2027-01-01","u_active_to":"2027-12-31"}]}""")));

        assertThat(catchThrowable(() -> register.find("SK-2027-0042")))
                .isInstanceOf(ExternalContractException.class).hasMessageContaining("SK-2027-0042");
    }

    static Stream<Arguments> foreignAnswers() {
        return ForeignErrorAnswers.notFrom(ExternalErrorDecoder.ErrorDocument.SERVICENOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignAnswers")
    void aNotFoundThatIsNotServiceNowsOwnAnswerIsATechnicalFailureNotAnUnknownContract(String answer, int status, String contentType,
                                                                                      String body) {
        wireMock.stubFor(get(urlPathEqualTo(TABLE)).willReturn(ForeignErrorAnswers.answer(status, contentType, body)));

        ForeignErrorAnswers.assertTechnical(catchThrowable(() -> register.find("SK-2027-0042")), "servicenow", status);
    }
}
