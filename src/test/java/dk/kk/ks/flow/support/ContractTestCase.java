package dk.kk.ks.flow.support;

import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * HTTP contract tests of the Feign clients: the real adapters behind the ports, talking real HTTP to a
 * WireMock server that stands in for every external system. The job executor is off, so no process
 * touches the stubs. All contract tests share this one application context.
 * <p>
 * The server is started per test class and stopped after it. The shared context binds the base URLs
 * once, so the first server takes a free port and every later one listens on that same port. Each test
 * starts without pooled connections, so none is left over from a stopped server or an earlier test.
 */
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "spring.cloud.openfeign.client.config.default.read-timeout=" + ContractTestCase.READ_TIMEOUT_MILLIS,
        "ksflow.systems.servicenow.username=sn-user",
        "ksflow.systems.servicenow.password=sn-secret",
        "ksflow.systems.opus.username=opus-user",
        "ksflow.systems.opus.password=opus-secret",
        "ksflow.systems.cardissuer.username=card-user",
        "ksflow.systems.cardissuer.password=card-secret",
        "ksflow.systems.edoc.username=edoc-user",
        "ksflow.systems.edoc.password=edoc-secret",
        "ksflow.systems.digitalpost.username=dp-user",
        "ksflow.systems.digitalpost.password=dp-secret"})
public abstract class ContractTestCase {

    protected static final int READ_TIMEOUT_MILLIS = 1000;

    /** A CPR number as it might appear in an error answer: it must never reach an exception message. */
    protected static final String FAKE_CPR = "0101901234";

    protected static WireMockServer wireMock;

    private static int port;

    @Autowired
    private HttpClientConnectionManager connections;

    @BeforeAll
    static void startWireMock() {
        WireMockConfiguration options = WireMockConfiguration.options();
        wireMock = new WireMockServer(port == 0 ? options.dynamicPort() : options.port(port));
        wireMock.start();
        port = wireMock.port();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @DynamicPropertySource
    static void externalSystemsOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("ksflow.systems.servicenow.base-url", () -> "http://localhost:" + port);
        registry.add("ksflow.systems.opus.base-url", () -> "http://localhost:" + port);
        registry.add("ksflow.systems.cardissuer.base-url", () -> "http://localhost:" + port);
        registry.add("ksflow.systems.edoc.base-url", () -> "http://localhost:" + port);
        registry.add("ksflow.systems.digitalpost.base-url", () -> "http://localhost:" + port);
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
        if (connections instanceof ConnPoolControl<?> pool) {
            pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
        }
    }
}
