package dk.kk.ks.flow.dismissal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The record serialises to the CONTRACT's notice-calculation response. */
class NoticeCalculationJsonTest {

    /** Spring Boot's defaults: java.time module, dates not as timestamps. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void contractExample() throws Exception {
        NoticeCalculation calculation =
                new NoticeCalculation(Period.parse("P2Y9M26D"), 4, 0, LocalDate.parse("2023-03-31"), 0);

        assertThat(mapper.readTree(mapper.writeValueAsString(calculation))).isEqualTo(mapper.readTree("""
                {"seniority": "P2Y9M26D", "noticeMonths": 4, "noticeDays": 0,
                 "terminationDate": "2023-03-31", "severanceMonths": 0}
                """));
    }
}
