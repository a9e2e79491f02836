package dk.kk.ks.flow.resignation.sample;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.kk.ks.flow.support.sample.SampleRun;

/**
 * The command behind the resignation figure (docs/case-types.md, "Resignations"). Against a running KS Flow (sandbox profile):
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dk.kk.ks.flow.resignation.sample.ResignationSampleCommand \
 *     -Dexec.args="--count 1000 --seed 42 --url http://localhost:8080"
 * </pre>
 * The dates are relative to the running application's today: the real date in Copenhagen, or {@code --today 2027-03-10}
 * for an application run as another moment ({@code ksflow.clock.offset}).
 */
public final class ResignationSampleCommand {

    private static final Logger log = LoggerFactory.getLogger(ResignationSampleCommand.class);
    static final String REVIEW_STEP = "Behandl fratrædelse";

    private ResignationSampleCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--count", "1000", "--seed", "42", "--url", "http://localhost:8080",
                "--timeout-seconds", "900"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        long seed = Long.parseLong(options.get("--seed"));
        int firstNumber = (int) (System.currentTimeMillis() / 1000 % 9_000_000);
        List<ResignationSample.Resignation> resignations = new ResignationSample(seed, runningApplicationsToday(options), "FRTR")
                .resignations(Integer.parseInt(options.get("--count")), firstNumber);
        SampleRun.Report report = run(new SampleRun(options.get("--url")), resignations,
                Duration.ofSeconds(Long.parseLong(options.get("--timeout-seconds"))));
        log.info("Resignation sample (seed {}):\n{}", seed, report.summary());
    }

    static SampleRun.Report run(SampleRun run, List<ResignationSample.Resignation> resignations, Duration timeout) throws Exception {
        return run.run(ResignationSample.sandboxData(resignations), "resignations",
                resignations.stream().map(ResignationSample.Resignation::sampleCase).toList(), REVIEW_STEP,
                view -> "AUTOMATIC".equals(view.at("/result/triage").asText()), timeout);
    }

    private static LocalDate runningApplicationsToday(Map<String, String> options) {
        return options.containsKey("--today") ? LocalDate.parse(options.get("--today")) : LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }
}
