package dk.kk.ks.flow.support;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.LoggerFactory;

/**
 * The time every test runs at: a fixed moment, not the real date. By default Wednesday 10 March 2027,
 * 09:00 Copenhagen time; {@code -Dksflow.test.now=2026-12-31T23:30} runs the tests as another moment
 * (Copenhagen local time, or with an offset: {@code 2027-10-31T02:30+01:00} is the second 02:30 of that night).
 * <p>
 * The clock ticks: it is the moment plus the real time elapsed since this JVM first asked for it, so the
 * engine still retries failed jobs, lets locks expire and fires timers. Every Spring context of the tests
 * runs with this offset ({@code ksflow.clock.offset}, from {@link TestClockEnvironment}): its {@link Clock}
 * bean and the engine's clock ({@link ClockUtil}) agree with this one, and so do the application JVMs a
 * test starts when it passes {@link #offsetArgument()}. Durations (timeouts, waits) may use the real time.
 */
public final class TestClock {

    public static final String PROPERTY = "ksflow.test.now";
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final String DEFAULT_MOMENT = "2027-03-10T09:00";

    private static final Instant MOMENT = parse(System.getProperty(PROPERTY, DEFAULT_MOMENT));
    private static final Duration OFFSET = Duration.ofMillis(MOMENT.toEpochMilli() - System.currentTimeMillis());
    private static final Clock CLOCK = Clock.offset(Clock.system(COPENHAGEN), OFFSET);

    static {
        LoggerFactory.getLogger(TestClock.class).info("The tests run at {} Copenhagen time (-D{}=...)",
                MOMENT.atZone(COPENHAGEN).toOffsetDateTime(), PROPERTY);
    }

    private TestClock() {
    }

    /** The ticking test clock, in Copenhagen time. */
    public static Clock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    /** Today in Copenhagen, as the application sees it. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /** How far the test clock runs from the real time. */
    public static Duration offset() {
        return OFFSET;
    }

    /** The argument that runs an application JVM this test starts on the same clock: {@code --ksflow.clock.offset=...ms}. */
    public static String offsetArgument() {
        return "--" + TestClockEnvironment.OFFSET_PROPERTY + "=" + OFFSET.toMillis() + "ms";
    }

    /** Use instead of {@link ClockUtil#reset()} (the real time): the engine's clock back on the test clock. */
    public static void resetEngineClock() {
        ClockUtil.offset(OFFSET.toMillis());
    }

    /** A local date-time is Copenhagen time; an offset or a zone ("Z") names the instant itself. */
    static Instant parse(String moment) {
        try {
            return OffsetDateTime.parse(moment).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                return LocalDateTime.parse(moment).atZone(COPENHAGEN).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + moment
                        + ": expected 2027-03-10T09:00 (Copenhagen time) or 2027-10-31T02:30+01:00", e);
            }
        }
    }
}
