package dev.recourse.bench;

import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
		PullSettings settings = PullSettings.of(args, System.getenv());
		Path serverLog = settings.reportDir().resolve("pull-server-" + settings.label() + ".log");
		try (FakeEhr ehr = FakeEhr.start(FakeEhrOptions.builder().bundle(FakeEhrOptions.USCORE_PATIENT_85).defaultClient().build())) {
			PullChart.grow(ehr);
			try (ServerProcess server = ServerProcess.start(launch(settings, ehr, serverLog))) {
				System.out.printf("server ready in %.1f s on %s%n", server.startupSeconds(), server.fhirBase());
				List<PullCases.Pull> pulls = run(settings, ehr, server);
				List<PhaseLog.Phases> phases = PhaseLog.read(serverLog);
				if (phases.size() != pulls.size()) {
					throw new IllegalStateException(pulls.size() + " pulls but " + phases.size() + " log lines; see " + serverLog);
				}
				List<PullReport.Sample> samples = samples(pulls, phases, settings.pulls());
				Map<String, Object> facts = facts(settings, server, serverLog);
				PullReport.write(settings.reportDir(), settings.label(), facts, samples);
				System.out.println(PullReport.verdict(samples));
			}
		}
		System.out.println("report: " + settings.reportDir().resolve("pull-report-" + settings.label() + ".md"));
	}

	/** The warm-up pull, the first-time pulls, then a re-pull of each of those cases: one at a time. */
	private static List<PullCases.Pull> run(PullSettings settings, FakeEhr ehr, ServerProcess server) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String token = BearerToken.fetch(http, server.fhirBase(), settings.client())
				.orElseThrow(() -> new IllegalStateException("the server advertises no token endpoint"));
		PullCases cases = new PullCases(server.fhirBase(), token, ehr);
		List<PullCases.Pull> pulls = new ArrayList<>();
		pulls.add(report(PullReport.Kind.WARM_UP, cases.pull(cases.openCase(0))));
		for (int i = 1; i <= settings.pulls(); i++) {
			pulls.add(report(PullReport.Kind.FIRST, cases.pull(cases.openCase(i))));
		}
		for (int i = 1; i <= settings.pulls(); i++) {
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

	/** The server as the benchmark started it: the fake EHR as its one Endpoint, demo data off, the database. */
	private static ServerProcess.Launch launch(PullSettings settings, FakeEhr ehr, Path serverLog) {
		String endpoint = "--recourse.ehr.endpoints[0].";
		List<String> args = List.of(
				endpoint + "id=bench-ehr",
				endpoint + "name=Benchmark EHR",
				endpoint + "address=" + ehr.baseUrl(),
				endpoint + "client-id=" + FakeEhrOptions.CLIENT_ID,
				endpoint + "scope=system/*.rs",
				endpoint + "key-alias=recourse-rs384",
				"--recourse.ehr.default-endpoint=bench-ehr",
				"--recourse.ehr.keystore.path=file:" + settings.repo().resolve("src/test/resources/ehr/ehr-client.p12"),
				"--recourse.ehr.keystore.password=test-only-changeit",
				"--recourse.security.outbound-allowed-urls=" + ehr.baseUrl() + "," + ehr.tokenUrl());
		Map<String, String> env = new LinkedHashMap<>(settings.databaseEnv());
		env.putAll(settings.securityEnv());
		env.put("RECOURSE_DEMO_ENABLED", "false");
		return new ServerProcess.Launch(settings.jar(), settings.serverJvm(), env, args, serverLog);
	}

	private static Map<String, Object> facts(PullSettings settings, ServerProcess server, Path serverLog) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("database", settings.database());
		facts.put("commit", settings.commit());
		facts.put("cores", Runtime.getRuntime().availableProcessors());
		facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		facts.put("serverJvm", settings.serverJvm());
		facts.put("security", settings.secure() ? "on, as deployed: bearer token, SMART scopes, audit trail"
				: "off (BENCH_SECURITY=off): no authentication, authorization or audit");
		facts.put("ehr", "fake EHR in the driver's JVM on loopback, SMART Backend Services, searches (no $everything)");
		facts.put("chartGrowth", "patient 85 plus copies " + PullChart.EXTRA);
		facts.put("startupSeconds", String.format("%.1f", server.startupSeconds()));
		facts.put("peakRssMb", ProcessMemory.peakRssKb(server.pid()) / 1024);
		facts.put("serverLog", serverLog.getFileName().toString());
		return facts;
	}
}
