package dev.recourse.bench;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long {@code Task/[id]/$pull-history} takes for a patient of over a thousand resources, end to end over
 * loopback, and where the time goes. Started by {@code bench/pull.sh}: fake EHR with a grown patient 85 → the built
 * server as a child process on a fresh database → a warm-up pull → first-time pulls, each for a new patient and
 * case → re-pulls of those cases → the server's per-pull log lines → the report.
 */
public final class PullBenchmark {
	private PullBenchmark() {}

	public static void main(String[] args) throws Exception {
		DriverSettings settings = DriverSettings.of("PullBenchmark", args, System.getenv());
		int n = DriverSettings.count(System.getenv(), "BENCH_PULLS", 5);
		Path serverLog = settings.reportDir().resolve("pull-server-" + settings.label() + ".log");
		try (FakeEhr ehr = FakeEhr.start(FakeEhrOptions.builder().bundle(FakeEhrOptions.USCORE_PATIENT_85).defaultClient().build())) {
			PullChart.grow(ehr);
			try (ServerProcess server = ServerProcess.start(EhrBenchServer.launch(settings, ehr, serverLog))) {
				System.out.printf("server ready in %.1f s on %s%n", server.startupSeconds(), server.fhirBase());
				List<PullCases.Pull> pulls = run(settings, n, ehr, server);
				List<PhaseLog.Phases> phases = PhaseLog.read(serverLog);
				if (phases.size() != pulls.size()) {
					throw new IllegalStateException(pulls.size() + " pulls but " + phases.size() + " log lines; see " + serverLog);
				}
				List<PullReport.Sample> samples = samples(pulls, phases, n);
				Map<String, Object> facts = EhrBenchServer.facts(settings, server, serverLog);
				PullReport.write(settings.reportDir(), settings.label(), facts, samples);
				System.out.println(PullReport.verdict(samples));
			}
		}
		System.out.println("report: " + settings.reportDir().resolve("pull-report-" + settings.label() + ".md"));
	}

	/** The warm-up pull, the first-time pulls, then a re-pull of each of those cases: one at a time. */
	private static List<PullCases.Pull> run(DriverSettings settings, int n, FakeEhr ehr, ServerProcess server) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String token = BearerToken.fetch(http, server.fhirBase(), settings.client())
				.orElseThrow(() -> new IllegalStateException("the server advertises no token endpoint"));
		PullCases cases = new PullCases(server.fhirBase(), token, ehr);
		List<PullCases.Pull> pulls = new ArrayList<>();
		pulls.add(report(PullReport.Kind.WARM_UP, cases.pull(cases.openCase(0))));
		for (int i = 1; i <= n; i++) {
			pulls.add(report(PullReport.Kind.FIRST, cases.pull(cases.openCase(i))));
		}
		for (int i = 1; i <= n; i++) {
			pulls.add(report(PullReport.Kind.REPULL, cases.pull(pulls.get(i).caseId())));
		}
		return pulls;
	}

	private static PullCases.Pull report(PullReport.Kind kind, PullCases.Pull pull) {
		System.out.printf("%-40s Task/%-6s %5d resources %8.0f ms  %d EHR requests  %d warning(s)%n", kind.label,
				pull.caseId(), pull.resources(), pull.millis(), pull.ehrRequests(), pull.warnings());
		return pull;
	}

	private static List<PullReport.Sample> samples(List<PullCases.Pull> pulls, List<PhaseLog.Phases> phases, int n) {
		List<PullReport.Sample> samples = new ArrayList<>();
		for (int i = 0; i < pulls.size(); i++) {
			PullReport.Kind kind = i == 0 ? PullReport.Kind.WARM_UP : i <= n ? PullReport.Kind.FIRST : PullReport.Kind.REPULL;
			samples.add(new PullReport.Sample(kind, pulls.get(i), phases.get(i)));
		}
		return samples;
	}
}
