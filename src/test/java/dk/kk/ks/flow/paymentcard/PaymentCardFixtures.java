package dk.kk.ks.flow.paymentcard;

import java.math.BigDecimal;
import java.time.LocalDate;

import dk.kk.ks.flow.integration.cardissuer.CardIssuerPort;
import dk.kk.ks.flow.integration.opus.OpusLonPort;

/** The organisation of the sandbox (E10001's manager is leder1, whose manager is leder2, who has none) and cards. */
final class PaymentCardFixtures {

    private PaymentCardFixtures() {
    }

    static OpusLonPort.Employee employee(String number, String userId, String managerNumber) {
        return new OpusLonPort.Employee(number, "Medarbejder " + number, "0101901234", userId, LocalDate.of(2015, 3, 1), null,
                new BigDecimal("420000.00"), "BUF", managerNumber, BigDecimal.ZERO, OpusLonPort.EmployeeType.OVERENSKOMST,
                false, false);
    }

    static CardIssuerPort.Card open(String cardId, String employeeNumber) {
        return new CardIssuerPort.Card(cardId, employeeNumber, new BigDecimal("20000.00"), CardIssuerPort.CardStatus.OPEN, "R", null);
    }

    static CardIssuerPort.Card blocked(String cardId, String employeeNumber, String blockReference) {
        return new CardIssuerPort.Card(cardId, employeeNumber, new BigDecimal("20000.00"), CardIssuerPort.CardStatus.BLOCKED, "R",
                blockReference);
    }
}
