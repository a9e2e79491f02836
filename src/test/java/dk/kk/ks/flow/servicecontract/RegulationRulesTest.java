package dk.kk.ks.flow.servicecontract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dk.kk.ks.flow.integration.servicenow.ServiceContractRegister.ServiceContract;

class RegulationRulesTest {

    private static final ServiceContract BUF_2027 = new ServiceContract("SK-2027-0042", "BUF", new BigDecimal("450.00"),
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));

    @ParameterizedTest(name = "{0}: {1} x 450.00 x {2} months = {3}")
    @CsvSource({
            "2027-01-01,  1, 12,   5400.00",
            "2027-02-01,  1, 11,   4950.00",
            "2027-03-01,  1, 10,   4500.00",
            "2027-04-01,  1,  9,   4050.00",
            "2027-05-01,  1,  8,   3600.00",
            "2027-06-01,  1,  7,   3150.00",
            "2027-07-01,  1,  6,   2700.00",
            "2027-08-01,  1,  5,   2250.00",
            "2027-09-01,  1,  4,   1800.00",
            "2027-10-01,  1,  3,   1350.00",
            "2027-11-01,  1,  2,    900.00",
            "2027-12-01,  1,  1,    450.00",
            "2027-04-01, -3,  9, -12150.00",
            "2027-01-01, -1, 12,  -5400.00",
            "2027-12-01, -7,  1,  -3150.00",
            "2027-06-01, 25,  7,  78750.00"})
    void theAmountRunsToTheEndOfTheYear(LocalDate effectiveFrom, int quantityChange, int months, String amount) {
        assertThat(RegulationRules.months(effectiveFrom)).isEqualTo(months);
        assertThat(RegulationRules.amount(quantityChange, new BigDecimal("450.00"), effectiveFrom)).isEqualTo(new BigDecimal(amount));
    }

    @ParameterizedTest(name = "price {0}, change {1} from {2}: {3}")
    @CsvSource({
            "333.33,  -2, 2027-05-01, -5333.28",
            "0.01,     1, 2027-01-01,     0.12",
            "1234.56, -1, 2027-12-01, -1234.56"})
    void theAmountIsExactToTheOere(String unitPrice, int quantityChange, LocalDate effectiveFrom, String amount) {
        assertThat(RegulationRules.amount(quantityChange, new BigDecimal(unitPrice), effectiveFrom)).isEqualTo(new BigDecimal(amount));
    }

    @ParameterizedTest(name = "{0} from {1} on {2}: {3}")
    @CsvSource({
            "SK-2027-0042, BUF, 2027-04-01, ''",
            "SK-2027-0042, buf, 2027-04-01, ''",
            "SK-2027-0042, SUF, 2027-04-01, WRONG_DEPARTMENT",
            "SK-2027-0042, BUF, 2026-12-01, CONTRACT_INACTIVE",
            "SK-2027-0042, BUF, 2028-01-01, CONTRACT_INACTIVE",
            "SK-2027-0042, SUF, 2028-01-01, CONTRACT_INACTIVE WRONG_DEPARTMENT",
            "unknown,      BUF, 2027-04-01, UNKNOWN_CONTRACT",
            "unknown,      SUF, 2028-01-01, UNKNOWN_CONTRACT"})
    void everyReasonToRejectIsGivenAtOnce(String contractNumber, String department, LocalDate effectiveFrom, String reasons) {
        Optional<ServiceContract> contract = "unknown".equals(contractNumber) ? Optional.empty() : Optional.of(BUF_2027);

        assertThat(RegulationRules.rejections(contract, department, effectiveFrom))
                .containsExactly(reasons.isBlank() ? new String[0] : reasons.split(" "));
    }

    @ParameterizedTest(name = "active {0}..{1} on {2}: {3}")
    @CsvSource({
            "2027-01-01, 2027-12-31, 2027-01-01, true",
            "2027-01-01, 2027-12-31, 2027-12-31, true",
            "2027-02-01, 2027-12-31, 2027-01-01, false",
            "2027-01-01,           , 2040-01-01, true",
            "          , 2026-12-31, 2027-01-01, false"})
    void aContractIsActiveFromItsFirstToItsLastDay(LocalDate from, LocalDate to, LocalDate day, boolean active) {
        assertThat(new ServiceContract("SK", "BUF", BigDecimal.TEN, from, to).activeOn(day)).isEqualTo(active);
    }
}
