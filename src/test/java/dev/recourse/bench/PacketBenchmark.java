package dev.recourse.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recourse.bench.PacketPath.Step;
import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.ehr.fake.FakeEhrOptions;
import dev.recourse.support.TestTokenIssuer;
import dev.recourse.support.TestTokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Denial → validated packet for a patient of over a thousand EHR resources, over loopback: where the server's time
 * goes along the whole path. Started by {@code bench/packet.sh}: fake EHR with patient 85 grown by {@link PullChart}
 * and {@link CriteriaChart} → a token issuer for the prescriber's login ({@link TestTokenIssuer}; the development
 * issuer mints only client_credentials tokens, which carry no {@code fhirUser}) → the built server as a child process
 * on a fresh database, trusting that issuer → the payer and provider on file → one cold case, then
 * {@code BENCH_CASES} warm ones, each through {@link PacketPath} → the server's request-log and pull lines → the
 * report. Security and audit are on as deployed unless {@code BENCH_SECURITY=off} (not tried: {@code $sign} needs the
 * prescriber's login, so an open server will probably refuse it and stop the run).
 */
public final class PacketBenchmark {
	static final String POLICY = "cigna-adalimumab-ra";
	/** The prescriber's token: a SMART app acting for the requesting Practitioner of the PAS example. */
	private static final String APP_CLIENT = "bench-smart-app";
	private static final ObjectMapper JSON = new ObjectMapper();

	private PacketBenchmark() {}

	public static void main(String[] args) {
		DriverMain.runAndExit(args, PacketBenchmark::run);
	}

	private static void run(String[] args) throws Exception {
		DriverSettings settings = DriverSettings.of("PacketBenchmark", args, System.getenv());
		int cases = DriverSettings.count(System.getenv(), "BENCH_CASES", 20);
		String policy = System.getenv().getOrDefault("BENCH_POLICY", POLICY);
		Path serverLog = settings.reportDir().resolve("packet-server-" + settings.label() + ".log");
		TestTokenIssuer issuer = TestTokenIssuer.start();
		List<String> trustIssuer = List.of("--recourse.security.issuers[0].issuer=" + issuer.url(),
				"--recourse.security.issuers[0].jwk-set-uri=" + issuer.jwksUrl());
		try (FakeEhr ehr = FakeEhr.start(FakeEhrOptions.builder().bundle(FakeEhrOptions.USCORE_PATIENT_85).defaultClient().build())) {
			PullChart.grow(ehr);
			int criteriaRecords = CriteriaChart.grow(ehr);
			try (ServerProcess server = ServerProcess.start(EhrBenchServer.launch(settings, ehr, serverLog, trustIssuer))) {
				System.out.printf("server ready in %.1f s on %s%n", server.startupSeconds(), server.fhirBase());
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
				String token = BearerToken.fetch(http, server.fhirBase(), settings.client())
						.orElseThrow(() -> new IllegalStateException("the server advertises no token endpoint"));
				String prescriber = prescriberToken(issuer, server.fhirBase());
				FhirContext fhir = FhirContext.forR4();
				PacketDenials denials = new PacketDenials(fhir);
				PacketCalls calls = new PacketCalls(server.fhirBase());
				calls.post("", denials.sharedTransaction(), token);
				PacketPath path = new PacketPath(calls, denials, fhir, token, prescriber, policy);

				Map<Step, Integer> logged = logCounts(serverLog);
				int pullsLogged = PhaseLog.read(serverLog).size();
				String run = Long.toString(System.currentTimeMillis(), 36);
				List<Double> load = new ArrayList<>();
				load.add(loadAverage());
				List<PacketPath.CaseRun> runs = new ArrayList<>();
				for (int n = 0; n <= cases; n++) {
					PacketPath.CaseRun one = path.run(run, n);
					load.add(loadAverage());
					System.out.printf("%-5s Task/%-8s %s  %s%n", n == 0 ? "cold" : "#" + n, one.caseId(), brief(one.clientMs()),
							one.facts().get("criteria"));
					runs.add(one);
				}
				String packetCheck = validate(calls, path.lastPacket(), token);
				System.out.println("last packet, $validate against RecoursePacket: " + packetCheck);
				PullCases counter = new PullCases(server.fhirBase(), token, ehr);
				String coldPatient = ((String) runs.get(0).facts().get("patient")).substring("Patient/".length());
				Map<String, Integer> compartment = compartment(counter, coldPatient);

				Thread.sleep(500); // the last request's line is logged as its answer completes
				List<PacketReport.Sample> samples = samples(serverLog, logged, pullsLogged, runs);
				Map<String, Object> facts = EhrBenchServer.facts(settings, server, serverLog);
				facts.put("policy", policy);
				facts.put("cases", "1 cold + " + cases + " warm (BENCH_CASES), one at a time");
				facts.put("criteriaRecords", criteriaRecords + " records for the policies (CriteriaChart) on top of the growth");
				facts.put("compartment", compartment);
				facts.put("compartmentTotal", compartment.values().stream().mapToInt(Integer::intValue).sum());
				facts.put("loadAverage1m", String.format("%.2f at the start, %.2f–%.2f during the cases (after each), %.2f at the end",
						load.get(0), load.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
						load.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), load.get(load.size() - 1)));
				facts.put("prescriberToken", "JWT of a test issuer the server is started to trust (recourse.security.issuers[0]),"
						+ " fhirUser " + PacketDenials.PRESCRIBER + ", scope user/*.cruds; every other request uses the development"
						+ " issuer's client_credentials token (system/*.cruds)");
				facts.put("lastPacketRevalidated", packetCheck);
				PacketReport.write(settings.reportDir(), settings.label(), facts, samples.get(0), samples.subList(1, samples.size()));
				System.out.println(PacketReport.verdict(facts, samples.get(0), samples.subList(1, samples.size())));
			}
		}
		System.out.println("report: " + settings.reportDir().resolve("packet-report-" + settings.label() + ".md"));
	}

	/** The prescriber's own login: fhirUser = the requesting Practitioner, valid for longer than any run. */
	private static String prescriberToken(TestTokenIssuer issuer, String fhirBase) {
		return new TestTokens(issuer, fhirBase).jwt(claims -> {
			claims.putAll(Map.of("client_id", APP_CLIENT, "sub", PacketDenials.PRESCRIBER, "fhirUser", PacketDenials.PRESCRIBER,
					"scope", "user/*.cruds"));
			claims.put("exp", Instant.now().plus(Duration.ofHours(3)));
		});
	}

	/** The packet once more through {@code Bundle/$validate?profile=RecoursePacket}: errors and warnings, in words. */
	private static String validate(PacketCalls calls, String packet, String token) throws IOException, InterruptedException {
		PacketCalls.Call checked = calls.post("/Bundle/$validate?profile=http://recourse.dev/fhir/StructureDefinition/recourse-packet",
				packet, token);
		Map<String, Integer> severities = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		for (JsonNode issue : JSON.readTree(checked.body()).path("issue")) {
			String severity = issue.path("severity").asText();
			severities.merge(severity, 1, Integer::sum);
			if ((severity.equals("error") || severity.equals("fatal")) && errors.size() < 5) {
				errors.add(issue.path("location").path(0).asText() + ": " + issue.path("diagnostics").asText());
			}
		}
		return severities + (errors.isEmpty() ? "" : " first errors: " + errors);
	}

	/** How many lines of each step's kind the server has logged so far. */
	private static Map<Step, Integer> logCounts(Path serverLog) throws IOException {
		Map<Step, Integer> counts = new EnumMap<>(Step.class);
		for (Step step : Step.values()) {
			counts.put(step, RequestTimes.of(serverLog, step.logName).size());
		}
		return counts;
	}

	/** Each case's server time per step and its pull's phases, matched in order (the driver makes one request at a time). */
	private static List<PacketReport.Sample> samples(Path serverLog, Map<Step, Integer> before, int pullsBefore,
			List<PacketPath.CaseRun> runs) throws IOException {
		Map<Step, List<Long>> lines = new EnumMap<>(Step.class);
		for (Step step : Step.values()) {
			List<Long> all = RequestTimes.of(serverLog, step.logName);
			lines.put(step, all.subList(Math.min(before.get(step), all.size()), all.size()));
		}
		List<PhaseLog.Phases> pulls = PhaseLog.read(serverLog);
		pulls = pulls.subList(Math.min(pullsBefore, pulls.size()), pulls.size());
		Map<Step, Integer> at = new EnumMap<>(Step.class);
		List<PacketReport.Sample> samples = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			PacketPath.CaseRun one = runs.get(i);
			Map<Step, Long> serverMs = new EnumMap<>(Step.class);
			for (Step step : one.clientMs().keySet()) {
				int index = at.merge(step, 1, Integer::sum) - 1;
				List<Long> of = lines.get(step);
				serverMs.put(step, index < of.size() ? of.get(index) : -1L);
			}
			samples.add(new PacketReport.Sample(one, serverMs, i < pulls.size() ? pulls.get(i) : null));
		}
		for (Step step : Step.values()) {
			int made = at.getOrDefault(step, 0);
			if (lines.get(step).size() != made) {
				System.out.printf("warning: %d %s request(s) made but %d logged; server times of that step may be misaligned%n",
						made, step.label, lines.get(step).size());
			}
		}
		return samples;
	}

	private static Map<String, Integer> compartment(PullCases cases, String patientId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("Patient", 1);
		for (String type : CriteriaBenchmark.COMPARTMENT) {
			int count = cases.countFor(type, patientId);
			if (count > 0) {
				counts.put(type, count);
			}
		}
		return counts;
	}

	private static String brief(Map<Step, Double> ms) {
		StringBuilder line = new StringBuilder();
		ms.forEach((step, millis) -> line.append(String.format("%s %.0f  ", step.name().toLowerCase(), millis)));
		return line.toString().trim();
	}

	/** The 1-minute load average ({@code /proc/loadavg}); NaN where there is none. */
	private static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
		} catch (IOException | RuntimeException unavailable) {
			return Double.NaN;
		}
	}
}
