package dk.kk.ks.flow.timesheet.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.sample.SampleRun;

/**
 * The command behind the measured share of timesheets keyed with no human step (docs/case-types.md, "Timesheets"). Against a running KS Flow (sandbox profile):
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dk.kk.ks.flow.timesheet.sample.TimesheetSampleCommand \
 *     -Dexec.args="--count 1000 --seed 42 --url http://localhost:8080"
 * </pre>
 * The dates are relative to the running application's today: the real date in Copenhagen, or {@code --today 2027-03-10}
 * for an application run as another moment ({@code ksflow.clock.offset}).
 */
public final class TimesheetSampleCommand {

    private static final Logger log = LoggerFactory.getLogger(TimesheetSampleCommand.class);
    static final String REVIEW_STEP = "Kontroller timeseddel";

    private TimesheetSampleCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--count", "1000", "--seed", "42", "--url", "http://localhost:8080",
                "--employees", "60", "--problems", "0.10", "--timeout-seconds", "900"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int count = Integer.parseInt(options.get("--count"));
        long seed = Long.parseLong(options.get("--seed"));
        TimesheetSample sample = new TimesheetSample(seed, runningApplicationsToday(options), Integer.parseInt(options.get("--employees")),
                Double.parseDouble(options.get("--problems")), "SMPL");
        int firstNumber = (int) (System.currentTimeMillis() / 1000 % 9_000_000);
        SampleRun.Report report = new SampleRun(options.get("--url")).run(sample.sandboxData(), "timesheets",
                sample.timesheets(count, firstNumber).stream().map(TimesheetSample.Timesheet::toSampleCase).toList(),
                REVIEW_STEP, view -> view.at("/result/automatic").asBoolean(false),
                Duration.ofSeconds(Long.parseLong(options.get("--timeout-seconds"))));
        log.info("Timesheet sample (seed {}):\n{}", seed, report.summary());
    }

    private static LocalDate runningApplicationsToday(Map<String, String> options) {
        return options.containsKey("--today") ? LocalDate.parse(options.get("--today")) : LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }
}
