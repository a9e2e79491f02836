package dk.kk.ks.flow.integration;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import feign.Response;
import feign.codec.ErrorDecoder;

/**
 * Maps an external system's HTTP error answer to one of the three kinds of failure:
 * business rejection (404, 409, 422), contract error (other 4xx), unavailable (5xx).
 */
public class ExternalErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String system;

    public ExternalErrorDecoder(String system) {
        this.system = system;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String call = system + " answered " + status + " to " + response.request().httpMethod() + " " + pathOf(response);
        if (status >= 500 || status == 429 || status == 408) {
            return new ExternalSystemUnavailableException(system, status, call);
        }
        if (status == 404 || status == 409 || status == 422) {
            return new ExternalRejectionException(system, status, errorCode(response, status), call);
        }
        return new ExternalContractException(system, status, call);
    }

    private static String pathOf(Response response) {
        String url = response.request().url();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Reads {"code": "..."} from the answer; without one, a code from the status. */
    private static String errorCode(Response response, int status) {
        if (response.body() != null) {
            try (InputStream body = response.body().asInputStream()) {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.hasNonNull("code")) {
                    return node.get("code").asText();
                }
            } catch (IOException | RuntimeException notJson) {
                // fall through to the status-based code
            }
        }
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 409 -> "CONFLICT";
            default -> "REJECTED";
        };
    }
}
