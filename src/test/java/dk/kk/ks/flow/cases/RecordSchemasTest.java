package dk.kk.ks.flow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.models.media.Schema;

/** The schemas of the API's records say what the server enforces and sends: no more, no less. */
class RecordSchemasTest {

    record Request(@NotNull String ref,
                   @NotBlank @Size(max = 5) String name,
                   @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal amount,
                   @JsonFormat(pattern = "HH:mm") LocalTime at,
                   List<@NotNull Line> lines) {
    }

    record Line(@NotNull String text) {
    }

    record Answer(String always,
                  @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String maybeNull,
                  @io.swagger.v3.oas.annotations.media.Schema(requiredMode = RequiredMode.NOT_REQUIRED) Boolean sometimes) {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = {})
    @interface Undescribed {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    record WithAnUndescribedConstraint(@Undescribed String value) {
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aRequestIsRequiredWhereTheServerRequiresAndBoundedAsItBounds() {
        RecordSchemas records = new RecordSchemas();
        records.ref(Request.class, RecordSchemas.Direction.REQUEST);
        Schema<?> request = records.schemas().get("Request");
        assertThat(request.getRequired()).containsExactly("ref", "name", "amount");
        Map<String, Schema> properties = request.getProperties();
        assertThat(properties.get("name").getMinLength()).isEqualTo(1);
        assertThat(properties.get("name").getMaxLength()).isEqualTo(5);
        assertThat(properties.get("name").getPattern()).isEqualTo(RecordSchemas.NOT_BLANK_PATTERN);
        assertThat(properties.get("amount").getMinimum()).isEqualByComparingTo("0");
        assertThat(properties.get("amount").getExclusiveMinimum()).isTrue();
        assertThat(properties.get("at").getPattern()).isEqualTo(RecordSchemas.TIME_OF_DAY_PATTERN);
        assertThat(properties.get("lines").getItems().get$ref()).endsWith("/Line");
        assertThat(records.schemas().get("Line").getRequired()).containsExactly("text");
    }

    @Test
    void anAnswerIsRequiredAndNotNullUnlessItsRecordSaysOtherwise() {
        RecordSchemas records = new RecordSchemas();
        records.ref(Answer.class, RecordSchemas.Direction.RESPONSE);
        Schema<?> answer = records.schemas().get("Answer");
        assertThat(answer.getRequired()).containsExactly("always", "maybeNull");
        assertThat(answer.getProperties().get("always").getNullable()).isNull();
        assertThat(answer.getProperties().get("maybeNull").getNullable()).isTrue();
    }

    @Test
    void aConstraintTheDescriptionCannotStateIsAnErrorNotAGap() {
        assertThatThrownBy(() -> new RecordSchemas().ref(WithAnUndescribedConstraint.class, RecordSchemas.Direction.REQUEST))
                .hasMessageContaining("@Undescribed");
    }

    /** @NotBlank is String.trim(): only characters up to U+0020 are blank; the pattern must agree in any regex dialect. */
    @Test
    void theNotBlankPatternIsBeanValidationsBlank() {
        Pattern pattern = Pattern.compile(RecordSchemas.NOT_BLANK_PATTERN);
        for (String text : List.of("", " ", "\t\n\r", "\u0001", "x", " x", "x ", "a\nb", "\u00A0", " \n x \n", "Jens Hansen")) {
            boolean notBlank = !text.trim().isEmpty();
            assertThat(pattern.matcher(text).matches()).as("full match of \"%s\"", text).isEqualTo(notBlank);
            assertThat(pattern.matcher(text).find()).as("search in \"%s\"", text).isEqualTo(notBlank);
        }
    }

    @Test
    void theTimeOfDayPatternIsWhatJacksonParses() {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Pattern pattern = Pattern.compile(RecordSchemas.TIME_OF_DAY_PATTERN);
        for (String text : List.of("00:00", "07:05", "23:59", "24:00", "7:00", "07:60", "12:3", "12:30:00", "")) {
            boolean parses;
            try {
                LocalTime.parse(text, hhmm);
                parses = true;
            } catch (DateTimeParseException e) {
                parses = false;
            }
            assertThat(pattern.matcher(text).find()).as(text).isEqualTo(parses);
        }
    }
}
