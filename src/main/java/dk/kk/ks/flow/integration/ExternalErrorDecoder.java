package dk.kk.ks.flow.integration;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * Maps an external system's HTTP error answer to one of the three kinds of failure:
 * <ul>
 * <li>business rejection: 404, 409 or 422 whose body is the system's own error document (see {@link ErrorDocument});
 * the system understood the request and refused it, or does not know the record;</li>
 * <li>contract error: any other 4xx, including a 404/409/422 with any other body (Spring's default error answer, an
 * HTML page, nothing): a wrong base URL or route, wrong credentials, a proxy in front of the system;</li>
 * <li>unavailable: 5xx, 408, 429.</li>
 * </ul>
 * Only a rejection is a business outcome; the other two are technical failures that the engine retries and then
 * shows as an incident.
 */
public class ExternalErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An error document is small; a larger body (an HTML page, say) is read only this far. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** How a system writes its error answers, and the rejection code read from one. */
    public enum ErrorDocument {

        /** {@code {"code": "DEBTOR_BLOCKED", "message": "..."}}: Opus, eDoc, Digital Post, the card issuer. */
        CODE {
            @Override
            String rejectionCode(JsonNode body, int status) {
                JsonNode code = body.get("code");
                return code != null && code.isTextual() && !code.asText().isBlank() ? code.asText() : null;
            }
        },

        /**
         * ServiceNow's Table API: {@code {"error": {"message": "No Record found", "detail": "..."}, "status": "failure"}}.
         * It carries no code, so the code comes from the status (404: RECORD_NOT_FOUND).
         */
        SERVICENOW {
            @Override
            String rejectionCode(JsonNode body, int status) {
                JsonNode error = body.get("error");
                if (error == null || !error.isObject() || !error.path("message").isTextual()) {
                    return null;
                }
                return switch (status) {
                    case 404 -> "RECORD_NOT_FOUND";
                    case 409 -> "CONFLICT";
                    default -> "REJECTED";
                };
            }
        };

        /** The code of the rejection this body states, or null when the body is not this system's error document. */
        abstract String rejectionCode(JsonNode body, int status);

        /** The error document of a system, by its name in {@code ksflow.systems}. */
        public static ErrorDocument of(String system) {
            return "servicenow".equals(system) ? SERVICENOW : CODE;
        }
    }

    private final String system;
    private final ErrorDocument document;

    public ExternalErrorDecoder(String system) {
        this.system = system;
        this.document = ErrorDocument.of(system);
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String call = system + " answered " + status + " to " + response.request().httpMethod() + " " + pathOf(response);
        if (status >= 500 || status == 429 || status == 408) {
            return new ExternalSystemUnavailableException(system, status, call);
        }
        if (status == 404 || status == 409 || status == 422) {
            JsonNode body = jsonBody(response);
            String code = body == null || !body.isObject() ? null : document.rejectionCode(body, status);
            if (code != null) {
                return new ExternalRejectionException(system, status, code, call);
            }
            return new ExternalContractException(system, status,
                    call + ", not with an error answer of " + system + " (wrong base URL or route?)");
        }
        return new ExternalContractException(system, status, call);
    }

    private static String pathOf(Response response) {
        String url = response.request().url();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The answer's body as JSON, or null when it has none or it is not JSON. */
    private static JsonNode jsonBody(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream body = response.body().asInputStream()) {
            return JSON.readTree(body.readNBytes(MAX_BODY_BYTES));
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
