package dk.kk.ks.flow.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * How fast the machine was around a measured part. KS Flow and the bare engine run one after the other, so a ratio
 * of the two compares two stretches of time on a shared machine: this reads one core's speed at a fixed piece of work
 * (SHA-256 of 2 MiB, the best of eight passes, after passes that warm the code up) before and after the part, and
 * from Linux's {@code /proc/stat} the share of the machine's time the hypervisor gave to others in between (steal).
 * The speed is a yardstick within one run only: it depends on the JVM's flags and the CPU's SHA instructions, so
 * its MB/s do not compare between machines. Elsewhere than Linux the steal reads 0.
 */
final class MachineProbe {

    /** Readings more than this apart make the two sides' ratios a measure of the machine. */
    static final double SAME_SPEED = 0.10;
    /** A steal share above this, on either side, does the same. */
    static final double STEAL_LIMIT = 0.05;

    private static final byte[] WORK = new byte[2 << 20];
    private static final int PASSES = 8;

    static {
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            speed(); // compiled before the first reading counts
        }
    }

    /** One core's speed before and after, in MB/s of SHA-256, and the steal share of the machine's time between. */
    record Speed(double before, double after, double steal) {

        double slowest() {
            return Math.min(before, after);
        }

        String summary() {
            return String.format(Locale.ROOT, "one core %.0f / %.0f MB/s of SHA-256 before / after, steal %.1f %%", before, after,
                    100 * steal);
        }

        /**
         * Whether two parts ran on the machine at about the same speed: the four readings within SAME_SPEED of each
         * other, and neither part's steal above STEAL_LIMIT.
         */
        boolean comparableWith(Speed other) {
            double low = Math.min(slowest(), other.slowest());
            double high = Math.max(Math.max(before, after), Math.max(other.before, other.after));
            return high <= low * (1 + SAME_SPEED) && steal <= STEAL_LIMIT && other.steal <= STEAL_LIMIT;
        }
    }

    /** A started window: call {@link #end()} after the part. */
    static final class Window {
        private final double before;
        private final long[] ticksBefore;

        private Window() {
            this.ticksBefore = ticks();
            this.before = speed();
        }

        Speed end() {
            double after = speed();
            long[] ticksAfter = ticks();
            long total = ticksAfter[0] - ticksBefore[0];
            // counters that went backwards (a core taken offline) read as no steal
            double steal = total <= 0 ? 0 : Math.max(0, Math.min(1, (double) (ticksAfter[1] - ticksBefore[1]) / total));
            return new Speed(before, after, steal);
        }
    }

    private MachineProbe() {
    }

    static Window start() {
        return new Window();
    }

    /** MB/s of SHA-256 on this thread, the best of {@link #PASSES} passes over the same bytes. */
    static double speed() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long best = Long.MAX_VALUE;
            for (int pass = 0; pass < PASSES; pass++) {
                long started = System.nanoTime();
                sha.digest(WORK);
                best = Math.min(best, System.nanoTime() - started);
            }
            return WORK.length / 1e6 / (best / 1e9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The machine's total and steal ticks so far, from the first line of /proc/stat; zeros if there is none. */
    static long[] ticks() {
        try {
            try (BufferedReader stat = Files.newBufferedReader(Path.of("/proc/stat"))) {
                return ticks(stat.readLine());
            }
        } catch (IOException | RuntimeException noProc) {
            return new long[] {0, 0};
        }
    }

    /**
     * From /proc/stat's "cpu" line (user nice system idle iowait irq softirq steal guest guest_nice): the total of the
     * first eight (guest time is already in user) and the steal; a kernel without steal gives 0 for it.
     */
    static long[] ticks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {total, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
    }
}
