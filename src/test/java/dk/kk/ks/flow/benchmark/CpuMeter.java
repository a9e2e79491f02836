package dk.kk.ks.flow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * CPU time used over a run, per process, from Linux's {@code /proc}: the application's JVM, this JVM (the load
 * generator, or the bare engine with its caseworker), and PostgreSQL's server processes (the running ones, plus
 * what the postmaster has collected from the ones that have ended, such as autovacuum workers). On a machine whose
 * cores are all busy, the CPU time a case costs, summed over the processes, is what bounds the throughput; the
 * split shows where it goes. Elsewhere than Linux (or a database on another machine) a part reads 0.
 */
final class CpuMeter {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), the unit of the times in /proc/[pid]/stat. */
    private static final double TICKS = 100;

    /** The JVM's threads by what they do, from their names (Linux keeps the first 15 characters). */
    private static final Map<String, List<String>> THREADS = new LinkedHashMap<>();
    static final String JIT = "JIT compiler";

    static {
        THREADS.put("job executor", List.of("camundaTaskExec", "JobExecutor[", "baseline-jobs"));
        THREADS.put("HTTP", List.of("http-nio-"));
        THREADS.put(JIT, List.of("C1 CompilerThre", "C2 CompilerThre"));
        THREADS.put("GC", List.of("GC Thread", "G1 ", "VM Thread"));
    }

    /**
     * CPU seconds so far of the application, this JVM and PostgreSQL, and of the threads of the JVM the engine runs
     * in (the application's, or this one for the bare engine) by {@link #THREADS}; "other" is the rest of that JVM,
     * including threads that have ended.
     */
    record Reading(double application, double self, double postgres, Map<String, Double> engineThreads) {

        Reading minus(Reading before) {
            Map<String, Double> threads = new LinkedHashMap<>();
            engineThreads.forEach((group, seconds) -> threads.put(group, seconds - before.engineThreads.getOrDefault(group, 0.0)));
            return new Reading(application - before.application, self - before.self, postgres - before.postgres, threads);
        }

        double total() {
            return application + self + postgres;
        }

        double totalPerCase(int cases) {
            return total() / Math.max(1, cases);
        }

        /**
         * Per case, without the engine JVM's JIT compiler threads: what a case costs once that JVM has compiled its
         * code, which after a warm-up of minutes it is still doing.
         */
        double compiledPerCase(int cases) {
            return (total() - engineThreads.getOrDefault(JIT, 0.0)) / Math.max(1, cases);
        }

        /** Milliseconds of CPU per case, per process, and in the engine's JVM per group of threads. */
        String perCase(int cases, String applicationName, String selfName) {
            double n = Math.max(1, cases);
            StringBuilder text = new StringBuilder("CPU per case: ");
            if (applicationName != null) {
                text.append(String.format(Locale.ROOT, "%s %.1f ms, ", applicationName, 1000 * application / n));
            }
            text.append(String.format(Locale.ROOT, "%s %.1f ms, PostgreSQL %.1f ms; total %.1f ms", selfName, 1000 * self / n,
                    1000 * postgres / n, 1000 * totalPerCase(cases)));
            double engineJvm = applicationName != null ? application : self;
            double grouped = engineThreads.values().stream().mapToDouble(Double::doubleValue).sum();
            StringJoiner groups = new StringJoiner(", ", "\n  of which, in the " + (applicationName != null ? applicationName : selfName)
                    + "'s threads: ", "");
            engineThreads.forEach((group, seconds) -> groups.add(String.format(Locale.ROOT, "%s %.1f ms", group, 1000 * seconds / n)));
            groups.add(String.format(Locale.ROOT, "other %.1f ms", 1000 * (engineJvm - grouped) / n));
            return text.append(groups).toString();
        }
    }

    private final long applicationPid;

    /** @param applicationPid the application's process, or -1 when there is none (the bare engine runs in this JVM) */
    CpuMeter(long applicationPid) {
        this.applicationPid = applicationPid;
    }

    Reading read() {
        long self = ProcessHandle.current().pid();
        return new Reading(applicationPid < 0 ? 0 : seconds(applicationPid), seconds(self), postgres(),
                threads(applicationPid < 0 ? self : applicationPid));
    }

    /** CPU seconds of the process's live threads per group of {@link #THREADS}. */
    private static Map<String, Double> threads(long pid) {
        Map<String, Double> groups = new LinkedHashMap<>();
        THREADS.keySet().forEach(group -> groups.put(group, 0.0));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                String[] stat = stat(task.resolve("stat"));
                if (stat != null) {
                    THREADS.forEach((group, prefixes) -> {
                        if (prefixes.stream().anyMatch(stat[0]::startsWith)) {
                            groups.merge(group, ticks(stat, 12) / TICKS, Double::sum);
                        }
                    });
                }
            });
        } catch (IOException | RuntimeException noProc) {
            // no /proc: no split
        }
        return groups;
    }

    /** CPU seconds so far of PostgreSQL's server processes, with the ended ones the postmaster has collected. */
    static double postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(CpuMeter::postgresSeconds).sum();
        } catch (IOException | RuntimeException noProc) {
            return 0;
        }
    }

    /** A PostgreSQL process's own CPU time, and for the postmaster (whose parent is no postgres) its ended children's too. */
    private static double postgresSeconds(Path process) {
        String[] stat = stat(process.resolve("stat"));
        if (stat == null || !stat[0].equals("postgres")) {
            return 0;
        }
        String[] parent = stat(Path.of("/proc", stat[2], "stat"));
        boolean postmaster = parent == null || !parent[0].equals("postgres");
        return (ticks(stat, 12) + (postmaster ? ticks(stat, 14) : 0)) / TICKS;
    }

    private static double seconds(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? 0 : ticks(stat, 12) / TICKS;
    }

    /** User plus system time from {@code from}: 12 for the process's own, 14 for its ended children's. */
    private static long ticks(String[] stat, int from) {
        return Long.parseLong(stat[from]) + Long.parseLong(stat[from + 1]);
    }

    /**
     * The fields of /proc/[pid]/stat with the command name first (index 0) and then the fields after it, so that
     * index 1 is the state, 2 the parent's pid, 12 and 13 utime and stime, 14 and 15 cutime and cstime; null if the
     * process has gone or there is no /proc.
     */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).trim().split(" ");
            String[] fields = new String[rest.length + 1];
            fields[0] = line.substring(open + 1, close);
            System.arraycopy(rest, 0, fields, 1, rest.length);
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
