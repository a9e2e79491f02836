package dk.kk.ks.flow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A CaseView's reasons are the codes its case type declares (and the API description lists); any other is OTHER. */
class CaseViewReasonsTest {

    record Request(String serviceNowRef) implements CaseRequest {
    }

    record Result() {
    }

    private static final CaseType<Request> CASE_TYPE = new CaseType<>("test-cases", "test-case", Request.class) {
        @Override
        public Map<String, Object> startVariables(Request request) {
            return Map.of();
        }

        @Override
        public Map<String, Object> result(Map<String, Object> variables) {
            return Map.of();
        }

        @Override
        public Class<Result> resultType() {
            return Result.class;
        }

        @Override
        public List<String> outcomes() {
            return List.of("DONE");
        }

        @Override
        public List<String> reasonCodes() {
            return List.of("KNOWN", "ALSO_KNOWN");
        }
    };

    @Test
    void declaredCodesPassAndOthersAreOther() {
        assertThat(CaseViews.declared(CASE_TYPE, List.of("ALSO_KNOWN", "NEW_CODE_FROM_OPUS", "KNOWN")))
                .containsExactly("ALSO_KNOWN", "OTHER", "KNOWN");
        assertThat(CaseViews.declared(CASE_TYPE, List.of())).isEmpty();
    }
}
