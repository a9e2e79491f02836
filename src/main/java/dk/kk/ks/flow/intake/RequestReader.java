package dk.kk.ks.flow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a raw JSON body into a validated request object, or an InvalidRequestException that names
 * every offending field at once. Shared by case creation and the calculation endpoints.
 */
@Component
public class RequestReader {

    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final int maxBodyBytes;

    public RequestReader(ObjectMapper objectMapper, Validator validator, @Value("${ksflow.intake.max-body-bytes}") int maxBodyBytes) {
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads the request body, refusing more than the configured maximum (1 MiB) without reading it all. */
    public byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new BodyTooLargeException(maxBodyBytes);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidRequestException("The request body could not be read", List.of());
        }
    }

    /** Reads, binds and validates the body of an HTTP request. */
    public <T> T read(HttpServletRequest request, Class<T> type, Function<T, List<CaseType.FieldError>> crossFieldRules) {
        return read(body(request), type, crossFieldRules);
    }

    public <T> T read(byte[] body, Class<T> type, Function<T, List<CaseType.FieldError>> crossFieldRules) {
        JsonNode tree = parse(body);
        T request = bind(tree, type);
        List<CaseType.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            errors.add(new CaseType.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (errors.isEmpty()) {
            errors.addAll(crossFieldRules.apply(request));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(CaseType.FieldError::field).thenComparing(CaseType.FieldError::message));
            throw new InvalidRequestException("The request has " + errors.size() + " invalid field(s)", errors);
        }
        return request;
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("The request body is empty; a JSON object is expected", List.of());
        }
        try {
            JsonNode tree = objectMapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new InvalidRequestException("The request body must be a JSON object", List.of());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The request body is not valid JSON: " + e.getOriginalMessage(), List.of());
        } catch (IOException e) {
            throw new InvalidRequestException("The request body could not be read", List.of());
        }
    }

    private <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return objectMapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String field = fieldPath(e.getPath());
            throw new InvalidRequestException("A field has the wrong type or format",
                    List.of(new CaseType.FieldError(field, "has the wrong type or format: " + e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The request body could not be read: " + e.getOriginalMessage(), List.of());
        }
    }

    /** Jackson's path as the contract names fields: {@code lines[2].end}. */
    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            }
        }
        return field.toString();
    }
}
