package dk.kk.ks.flow.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** ServiceNow record numbers for tests: the one place tests get a number no other case uses. */
public final class ServiceNowRefs {

    /**
     * Seven digits, counted on from a random start: unique within a test run, and unlikely to meet a number of an
     * earlier run on a PostgreSQL database that outlives it.
     */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000_000));

    private ServiceNowRefs() {
    }

    /** A record number no other test uses, e.g. {@code RITM0421337} for the prefix {@code RITM}. */
    public static String newServiceNowRef(String prefix) {
        return prefix + String.format("%07d", Math.floorMod(NEXT.getAndIncrement(), 10_000_000));
    }

    /** A requested item's number ({@code RITM} and seven digits) no other test uses. */
    public static String newRitm() {
        return newServiceNowRef("RITM");
    }
}
