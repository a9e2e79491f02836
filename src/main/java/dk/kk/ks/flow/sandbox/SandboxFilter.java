package dk.kk.ks.flow.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dk.kk.ks.flow.integration.IdempotencyKeys;

/**
 * In front of every simulated system's interface (/sandbox/{system}/api/**): the fault switch, the
 * request log, and idempotent replay of writes that carry an Idempotency-Key already seen.
 * A call answered by the fault switch never reached the system and is not in its request log
 * (the switch stands for an outage or a wrong route in front of the system); the switch counts them instead. A write
 * whose answer the switch loses did reach the system: it is in the log, and a retry with its key is a replay.
 */
class SandboxFilter extends OncePerRequestFilter {

    private static final Pattern API_PATH = Pattern.compile("^/sandbox/([a-z]+)(/api/.*)$");

    private final SandboxSystems systems;
    /** Reads logged bodies keeping amounts exactly as sent (12500.00 stays 12500.00). */
    private final ObjectReader jsonReader;
    private final Clock clock;

    SandboxFilter(SandboxSystems systems, ObjectMapper objectMapper, Clock clock) {
        this.systems = systems;
        this.clock = clock;
        this.jsonReader = objectMapper.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = API_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        SimulatedSystem system = matcher.matches() ? systems.find(matcher.group(1)).orElse(null) : null;
        if (system == null) {
            chain.doFilter(request, response);
            return;
        }
        SimulatedSystem.Fault fault = system.takeFault(request.getMethod());
        if (fault == null) {
            serve(system, matcher.group(2), request, response, chain);
        } else if (fault.answerLost()) {
            // The system applies the write; its answer is dropped and the caller sees the fault instead.
            serve(system, matcher.group(2), request, new ContentCachingResponseWrapper(response), chain);
            response.reset();
            answerFault(response, fault);
        } else {
            answerFault(response, fault);
        }
    }

    /**
     * The fault's status with this web server's standard error answer (Spring Boot's error body), as a gateway or a
     * wrong route in front of the system would give it: never the system's own error document, so a 404, 409 or 422
     * from the switch is a technical failure, not a business rejection by the system.
     */
    private static void answerFault(HttpServletResponse response, SimulatedSystem.Fault fault) throws IOException {
        response.sendError(fault.status());
    }

    private void serve(SimulatedSystem system, String apiPath, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String path = apiPath + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String key = request.getHeader(IdempotencyKeys.HEADER);
        String replayKey = key == null || "GET".equals(request.getMethod()) ? null : request.getMethod() + " " + apiPath + " " + key;

        SimulatedSystem.StoredAnswer stored = replayKey == null ? null : system.storedAnswer(replayKey);
        if (stored != null) {
            system.record(new SimulatedSystem.RecordedRequest(OffsetDateTime.now(clock), request.getMethod(), path, key, parse(body),
                    stored.status(), parse(stored.body()), true));
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.getOutputStream().write(stored.body());
            return;
        }
        ContentCachingResponseWrapper cachingResponse = new ContentCachingResponseWrapper(response);
        chain.doFilter(new CachedBodyRequest(request, body), cachingResponse);
        system.record(new SimulatedSystem.RecordedRequest(OffsetDateTime.now(clock), request.getMethod(), path, key, parse(body),
                cachingResponse.getStatus(), parse(cachingResponse.getContentAsByteArray()), false));
        if (replayKey != null && cachingResponse.getStatus() < 500) {
            system.storeAnswer(replayKey, new SimulatedSystem.StoredAnswer(cachingResponse.getStatus(), cachingResponse.getContentType(),
                    cachingResponse.getContentAsByteArray()));
        }
        cachingResponse.copyBodyToResponse();
    }

    /** JSON bodies are logged as JSON, anything else (XML, for example) as text. */
    private Object parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return jsonReader.readValue(body);
        } catch (IOException notJson) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
