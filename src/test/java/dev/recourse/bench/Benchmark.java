package dev.recourse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives the scenarios against one or more running servers and writes one report per server. Started by
 * {@code bench/run.sh}, which starts the servers (one per security mode, each on its own fresh database) and
 * passes what it measured of them as arguments (see {@link BenchSettings}).
 *
 * <p>With several servers the scenarios are interleaved: scenario 1 on each server, then scenario 2 on each
 * (the order of the servers alternating from one scenario to the next), and so on. Each server is measured
 * alone, but within a minute or two of the others, so the load of whatever else runs on the machine drifts
 * about equally over all of them, and every server sees the same requests in the same order.
 *
 * <p>When a server advertises a token endpoint the driver gets one token from it first and sends it on every
 * request, whatever the security mode: the client does the same work against a secured and an open server.
 */
public final class Benchmark {
	private static final ObjectMapper JSON = new ObjectMapper();

	private record Run(BenchSettings.Target target, Map<String, Object> server, List<Scenario> scenarios,
			List<ScenarioResult> results) {}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.of(args, System.getenv());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		LoadDriver driver = new LoadDriver();
		List<Run> runs = new ArrayList<>();
		for (BenchSettings.Target target : settings.targets()) {
			Optional<String> token = BearerToken.fetch(http, target.base(), settings.client());
			Requests requests = new Requests(target.base(), token);
			Map<String, Object> server = new LinkedHashMap<>();
			server.put("database", settings.database());
			server.put("security", target.security());
			server.put("bearerToken", token.isPresent() ? "client_credentials, scope " + settings.client().scope() : "none");
			// what the server does with a request that has no token: 401 when secured, 200 when open
			server.put("statusWithoutToken", status(http, new Requests(target.base(), Optional.empty()), "/Patient?_count=1"));
			server.put("measuredAlongside", settings.targets().stream().map(BenchSettings.Target::security)
					.filter(mode -> !mode.equals(target.security())).toList());
			server.put("startupSeconds", target.startupSeconds());
			server.put("rssAfterStartMb", target.rssAfterStartKb() / 1024);
			server.put("jvm", settings.serverJvm());
			server.put("commit", settings.commit());
			server.put("cores", Runtime.getRuntime().availableProcessors());
			driver.run(Scenarios.warmUp(requests));
			ObservationFixture fixture =
					ObservationFixture.create(http, requests, Scenarios.deleteScenarios(), Scenarios.REQUESTS);
			runs.add(new Run(target, server, new Scenarios(requests, fixture).all(), new ArrayList<>()));
		}
		int count = runs.get(0).scenarios().size();
		for (int s = 0; s < count; s++) {
			List<Run> order = new ArrayList<>(runs);
			if (s % 2 == 1) {
				Collections.reverse(order);
			}
			for (Run run : order) {
				ScenarioResult result = driver.run(run.scenarios().get(s));
				run.results().add(result);
				System.out.printf("%-7s %-42s c=%d  %8.1f req/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  errors %d%n",
						run.target().security(), result.name(), result.concurrency(), result.throughput(), result.p50(),
						result.p95(), result.p99(), result.errors());
			}
		}
		Map<String, Object> inProcess = InProcessTriage.measure();
		System.out.println("in-process DenialTriage.triage, 1 thread: " + inProcess);
		for (Run run : runs) {
			run.server().put("peakRssMb", ProcessMemory.peakRssKb(run.target().serverPid()) / 1024);
			run.server().put("auditEventsStored", auditEvents(http, run.target().base(), settings.client()));
			run.server().put("inProcessTriage", inProcess);
			write(settings.reportDir(), settings.label(run.target()), run.server(), run.results());
		}
	}

	private static int status(HttpClient http, Requests requests, String path) throws IOException, InterruptedException {
		return http.send(requests.get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * How many AuditEvents the run left in the database: the audit trail's work, or 0 with it off. Asked with a
	 * token of its own, as reading audit events needs their own scope (a wildcard does not reach them).
	 */
	private static String auditEvents(HttpClient http, String base, BenchSettings.Client client)
			throws IOException, InterruptedException {
		BenchSettings.Client auditor = new BenchSettings.Client(client.id(), client.secret(), "system/AuditEvent.rs");
		Requests requests = new Requests(base, BearerToken.fetch(http, base, auditor));
		HttpResponse<String> response =
				http.send(requests.get("/AuditEvent?_summary=count"), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200
				? JSON.readTree(response.body()).path("total").asText()
				: "unknown (status " + response.statusCode() + ")";
	}

	private static void write(Path dir, String label, Map<String, Object> server, List<ScenarioResult> results)
			throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("server", server);
		report.put("scenarios", results);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
				.writeValue(dir.resolve("report-" + label + ".json").toFile(), report);
		Files.writeString(dir.resolve("report-" + label + ".md"), Markdown.of(label, server, results));
	}
}
