package dk.kk.ks.flow.cases;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Turns a raw JSON body into a validated request object, or an InvalidRequestException that names
 * every offending field at once. Shared by case creation and the calculation endpoints. Answers never
 * quote Jackson's or Java's messages: they say what is wrong in the caller's terms.
 */
@Component
public class RequestReader {

    private final ObjectMapper objectMapper;
    private final RequestShape shape;
    private final Validator validator;
    private final int maxBodyBytes;

    public RequestReader(ObjectMapper objectMapper, Validator validator, @Value("${ksflow.intake.max-body-bytes}") int maxBodyBytes) {
        this.objectMapper = objectMapper;
        this.shape = new RequestShape(objectMapper);
        this.validator = validator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads the request body, which must be application/json (415 otherwise), refusing more than the
     * configured maximum (1 MiB) without reading it all.
     */
    public byte[] body(HttpServletRequest request) {
        if (!isJson(request.getContentType())) {
            throw new UnsupportedMediaTypeException();
        }
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

    /** application/json, with or without parameters such as charset; not other JSON-based types. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Reads, binds and validates the body of an HTTP request. */
    public <T> T read(HttpServletRequest request, Class<T> type, Function<T, List<CaseType.FieldError>> crossFieldRules) {
        return read(body(request), type, crossFieldRules);
    }

    /**
     * Binds and validates a body. Fields that cannot be bound (wrong type, unparseable, hiding text) and fields
     * that break a constraint are reported together; the rules across fields only run when all fields are valid.
     */
    public <T> T read(byte[] body, Class<T> type, Function<T, List<CaseType.FieldError>> crossFieldRules) {
        ObjectNode tree = parse(body);
        List<CaseType.FieldError> unbound = shape.check(tree, type);
        List<CaseType.FieldError> errors = new ArrayList<>(unbound);
        T request = bind(tree, type, unbound);
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString();
            // A value that could not be bound is null now; its "must not be null" would say the wrong thing.
            if (unbound.stream().noneMatch(error -> within(field, error.field()))) {
                errors.add(new CaseType.FieldError(field, violation.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(crossFieldRules.apply(request));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return request;
    }

    private static InvalidRequestException invalid(List<CaseType.FieldError> errors) {
        List<CaseType.FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(CaseType.FieldError::field).thenComparing(CaseType.FieldError::message));
        return new InvalidRequestException("The request has " + sorted.size() + " invalid field(s)", sorted);
    }

    /** The field is the other one or lies inside it: {@code lines[2].end} is within {@code lines[2]}. */
    private static boolean within(String field, String other) {
        return field.equals(other) || field.startsWith(other + ".") || field.startsWith(other + "[");
    }

    private ObjectNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("The request body is empty; a JSON object is expected", List.of());
        }
        try {
            JsonNode tree = objectMapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new InvalidRequestException("The request body must be a JSON object", List.of());
            }
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The request body is not valid JSON in UTF-8" + where(e.getLocation()), List.of());
        } catch (IOException e) {
            throw new InvalidRequestException("The request body could not be read", List.of());
        }
    }

    /** Where in the caller's body the parser stopped, as the caller counts (line and column from 1). */
    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The shape check found what binding could trip over; should binding still fail, its field is named. */
    private <T> T bind(ObjectNode tree, Class<T> type, List<CaseType.FieldError> unbound) {
        try {
            return objectMapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            List<CaseType.FieldError> errors = new ArrayList<>(unbound);
            errors.add(new CaseType.FieldError(fieldPath(e.getPath()), "has the wrong type or format"));
            throw invalid(errors);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The request body could not be read", List.of());
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
