package dev.recourse.bench;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;

/**
 * Payer-side PAS {@code Claim/$submit} throughput with validation on, as deployed (security and audit on unless
 * {@code BENCH_SECURITY=off}): the built server started on a fresh database, then {@code BENCH_WARMUP} submissions one
 * at a time, then {@code BENCH_REQUESTS} distinct submissions (the guide's referral example under a new Bundle and
 * Claim identifier each) from {@code BENCH_CONCURRENCY} (default 8) client threads at once, then every one of them a
 * second time (the idempotent replay: answered from the receipt on file). Started by {@code bench/payer-submit.sh};
 * writes {@code payer-submit-report-<db>.md} and the server's log.
 */
public final class PayerSubmitBenchmark {
	private static final String EXAMPLE = "/fixtures/davinci-pas-2.2.1/Bundle-ReferralAuthorizationBundleExample.json";

	private PayerSubmitBenchmark() {}

	public static void main(String[] args) {
		DriverMain.runAndExit(args, PayerSubmitBenchmark::run);
	}

	/** One timed phase: how many calls, in how long, their client-side latencies and the answers' statuses. */
	record Phase(String name, int concurrency, double seconds, List<Long> millis, Map<Integer, Integer> statuses) {
		double perSecond() {
			return millis.size() / seconds;
		}

		long percentile(int p) {
			List<Long> sorted = new ArrayList<>(millis);
			Collections.sort(sorted);
			return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
		}
	}

	private static void run(String[] args) throws Exception {
		DriverSettings settings = DriverSettings.of("PayerSubmitBenchmark", args, System.getenv());
		int warmup = DriverSettings.count(System.getenv(), "BENCH_WARMUP", 16);
		int requests = DriverSettings.count(System.getenv(), "BENCH_REQUESTS", 400);
		int concurrency = DriverSettings.count(System.getenv(), "BENCH_CONCURRENCY", 8);
		Path serverLog = settings.reportDir().resolve("payer-submit-server-" + settings.label() + ".log");
		try (ServerProcess server = ServerProcess.start(launch(settings, serverLog))) {
			System.out.printf("server ready in %.1f s on %s%n", server.startupSeconds(), server.fhirBase());
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String token = BearerToken.fetch(http, server.fhirBase(), settings.client()).orElse(null);
			Submitter submitter = new Submitter(http, server.fhirBase() + "/Claim/$submit", token);
			String run = Long.toString(System.currentTimeMillis(), 36);
			List<String> warm = bodies(run + "w", warmup);
			List<String> bodies = bodies(run, requests);
			List<Phase> phases = new ArrayList<>();
			phases.add(submitter.phase("warm-up, one at a time", warm, 1));
			phases.add(submitter.phase("distinct submissions", bodies, concurrency));
			phases.add(submitter.phase("the same submissions again (replay)", bodies, concurrency));
			phases.forEach(phase -> System.out.printf("%-40s %5d calls, c=%d: %6.1f /s, p50 %d ms, p95 %d ms, p99 %d ms, %s%n",
					phase.name(), phase.millis().size(), phase.concurrency(), phase.perSecond(), phase.percentile(50),
					phase.percentile(95), phase.percentile(99), phase.statuses()));
			Map<String, Object> facts = facts(settings, server, serverLog);
			Path report = settings.reportDir().resolve("payer-submit-report-" + settings.label() + ".md");
			Files.writeString(report, markdown(facts, phases));
			System.out.println("report: " + report);
		}
	}

	private static ServerProcess.Launch launch(DriverSettings settings, Path serverLog) {
		Map<String, String> env = new LinkedHashMap<>(settings.databaseEnv());
		env.putAll(settings.securityEnv());
		env.put("RECOURSE_DEMO_ENABLED", "false");
		return new ServerProcess.Launch(settings.jar(), settings.serverJvm(), env, List.of(), serverLog);
	}

	/** The referral example under a fresh Bundle and Claim identifier each: distinct submissions of one shape. */
	static List<String> bodies(String run, int count) throws IOException {
		FhirContext fhir = FhirContext.forR4Cached();
		String example;
		try (InputStream in = PayerSubmitBenchmark.class.getResourceAsStream(EXAMPLE)) {
			example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> bodies = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, example);
			bundle.getIdentifier().setValue("bench-" + run + "-" + n);
			Claim claim = (Claim) bundle.getEntryFirstRep().getResource();
			claim.getIdentifierFirstRep().setValue("bench-claim-" + run + "-" + n);
			bodies.add(fhir.newJsonParser().encodeResourceToString(bundle));
		}
		return bodies;
	}

	private record Submitter(HttpClient http, String url, String token) {
		Phase phase(String name, List<String> bodies, int concurrency) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			try {
				long start = System.nanoTime();
				List<Future<long[]>> calls = new ArrayList<>();
				for (String body : bodies) {
					calls.add(pool.submit(() -> send(body)));
				}
				List<Long> millis = new ArrayList<>();
				Map<Integer, Integer> statuses = new TreeMap<>();
				for (Future<long[]> call : calls) {
					long[] result = call.get();
					statuses.merge((int) result[0], 1, Integer::sum);
					millis.add(result[1]);
				}
				return new Phase(name, concurrency, (System.nanoTime() - start) / 1e9, millis, statuses);
			} finally {
				pool.shutdownNow();
			}
		}

		private long[] send(String body) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(body));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			long start = System.nanoTime();
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			return new long[] {response.statusCode(), (System.nanoTime() - start) / 1_000_000};
		}
	}

	private static Map<String, Object> facts(DriverSettings settings, ServerProcess server, Path serverLog) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("database", settings.database());
		facts.put("commit", settings.commit());
		facts.put("cores", Runtime.getRuntime().availableProcessors());
		facts.put("serverJvm", settings.serverJvm());
		facts.put("security", settings.secure() ? "on, as deployed: bearer token, SMART scopes, audit trail" : "off (BENCH_SECURITY=off)");
		facts.put("validation", "on: every submission checked against profile-pas-request-bundle (PasValidation)");
		facts.put("startupSeconds", String.format("%.1f", server.startupSeconds()));
		facts.put("peakRssMb", ProcessMemory.peakRssKb(server.pid()) / 1024);
		facts.put("loadAverage1m", loadAverage());
		facts.put("serverLog", serverLog.getFileName().toString());
		return facts;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		} catch (IOException unreadable) {
			return "unknown";
		}
	}

	private static String markdown(Map<String, Object> facts, List<Phase> phases) {
		StringBuilder out = new StringBuilder("# Payer Claim/$submit throughput\n\n");
		facts.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
		out.append("\n| phase | calls | concurrency | seconds | per second | p50 ms | p95 ms | p99 ms | max ms | statuses |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Phase phase : phases) {
			out.append(String.format("| %s | %d | %d | %.1f | %.1f | %d | %d | %d | %d | %s |%n", phase.name(), phase.millis().size(),
					phase.concurrency(), phase.seconds(), phase.perSecond(), phase.percentile(50), phase.percentile(95),
					phase.percentile(99), Collections.max(phase.millis()), phase.statuses()));
		}
		return out.toString();
	}
}
