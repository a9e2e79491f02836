package dk.kk.ks.flow.integration;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.cloud.openfeign.support.HttpMessageConverterCustomizer;
import org.springframework.core.ParameterizedTypeReference;

import feign.Request;
import feign.Response;
import feign.codec.Decoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external systems' Feign decoder reads JSON as Spring Cloud OpenFeign's default does, and looks the message
 * converters and their customizers up once, not on every answer.
 */
class ExternalSystemCodecTest {

    record Row(String sysId, int state) {
    }

    private final ExternalSystemFeignConfiguration configuration = new ExternalSystemFeignConfiguration();
    private final Counting<HttpMessageConverters> converters = new Counting<>(List.of(new HttpMessageConverters()));
    private final Counting<HttpMessageConverterCustomizer> customizers = new Counting<>(List.of(list -> { }));

    @Test
    void theDecoderReadsJsonIntoRecordsAndOptionalsAndLooksTheConvertersUpOnce() throws Exception {
        Decoder decoder = configuration.decoder(converters, customizers);

        for (int answer = 0; answer < 3; answer++) {
            assertThat(decoder.decode(json("{\"sysId\":\"a1\",\"state\":3}"), Row.class)).isEqualTo(new Row("a1", 3));
        }
        Type optionalRow = new ParameterizedTypeReference<Optional<Row>>() { }.getType();
        assertThat(decoder.decode(json("{\"sysId\":\"b2\",\"state\":1}"), optionalRow)).isEqualTo(Optional.of(new Row("b2", 1)));
        assertThat(decoder.decode(Response.builder().status(404).reason("Not Found").headers(Map.of()).request(request())
                .build(), optionalRow)).isEqualTo(Optional.empty());

        assertThat(converters.asked.get()).isEqualTo(1);
        assertThat(customizers.asked.get()).isEqualTo(1);
    }

    private static Response json(String body) {
        return Response.builder().status(200).reason("OK")
                .headers(Map.<String, Collection<String>>of("Content-Type", List.of("application/json")))
                .body(body, StandardCharsets.UTF_8).request(request()).build();
    }

    private static Request request() {
        return Request.create(Request.HttpMethod.GET, "http://servicenow.invalid/api/now/table/sc_req_item", Map.of(), null,
                StandardCharsets.UTF_8, null);
    }

    /** A provider of fixed beans that counts how often it is asked for them. */
    private static final class Counting<T> implements ObjectProvider<T> {

        private final List<T> beans;
        private final AtomicInteger asked = new AtomicInteger();

        Counting(List<T> beans) {
            this.beans = beans;
        }

        @Override
        public T getObject() {
            asked.incrementAndGet();
            return beans.get(0);
        }

        @Override
        public T getIfAvailable() {
            asked.incrementAndGet();
            return beans.isEmpty() ? null : beans.get(0);
        }

        @Override
        public Stream<T> stream() {
            asked.incrementAndGet();
            return beans.stream();
        }

        @Override
        public Stream<T> orderedStream() {
            return stream();
        }
    }
}
