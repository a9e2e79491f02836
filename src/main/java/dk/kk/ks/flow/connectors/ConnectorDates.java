package dk.kk.ks.flow.connectors;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * Dates for expressions in diagrams, in Copenhagen time: {@code ${dates.today()}}, {@code ${dates.yesterday()}},
 * {@code ${dates.daysAgo(7)}}, as yyyy-MM-dd (the form ServiceNow queries and the connectors use).
 */
@Component("dates")
public class ConnectorDates {

    private final Clock clock;

    ConnectorDates(Clock clock) {
        this.clock = clock;
    }

    public String today() {
        return LocalDate.now(clock).toString();
    }

    public String yesterday() {
        return daysAgo(1);
    }

    public String daysAgo(int days) {
        return LocalDate.now(clock).minusDays(days).toString();
    }
}
