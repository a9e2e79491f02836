package dk.kk.ks.flow.support.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every answer of {@code /api/v1} (method, path, status, media type and body), outside Spring Security so
 * that its 401 and 403 are recorded too, for DescriptionConformanceTest to hold against the API description.
 * A component of the test sources: the application's component scan finds it in every test context, and it is
 * switched on only by {@code ksflow.test.record-api-answers=true}, which the {@code client} profile of the build sets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty("ksflow.test.record-api-answers")
class RecordedAnswers extends OncePerRequestFilter {

    /** One answer. The body is kept up to {@link #MAX_BODY} characters (a longer one is not checked). */
    record Answer(String method, String path, int status, String contentType, String body) {
    }

    static final int MAX_BODY = 256 * 1024;
    private static final int MAX_ANSWERS = 20_000;
    private static final ConcurrentLinkedQueue<Answer> ANSWERS = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** What was recorded so far in this JVM, oldest first. */
    static List<Answer> all() {
        return List.copyOf(ANSWERS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } catch (ServletException | IOException | RuntimeException unhandled) {
            // The container answers 500 for it, after this filter.
            record(new Answer(request.getMethod(), request.getRequestURI(), 500, null, null));
            throw unhandled;
        }
        byte[] body = wrapper.getContentAsByteArray();
        record(new Answer(request.getMethod(), request.getRequestURI(), wrapper.getStatus(), wrapper.getContentType(),
                body.length > MAX_BODY ? null : new String(body, StandardCharsets.UTF_8)));
        wrapper.copyBodyToResponse();
    }

    private static void record(Answer answer) {
        if (COUNT.incrementAndGet() <= MAX_ANSWERS) {
            ANSWERS.add(answer);
        }
    }
}
