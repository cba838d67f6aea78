package dev.recourse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the scenarios against a running server and writes the report. Started by {@code bench/run.sh},
 * which starts the server and passes what it measured of it as arguments:
 * {@code <fhirBase> <reportDir> <database> <serverPid> <startupSeconds> <rssAfterStartKb>}.
 */
public final class Benchmark {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Path reportDir = Path.of(args[1]);
		Map<String, Object> server = new LinkedHashMap<>();
		server.put("database", args[2]);
		server.put("startupSeconds", Double.parseDouble(args[4]));
		server.put("rssAfterStartMb", Long.parseLong(args[5]) / 1024);
		server.put("jvm", System.getenv().getOrDefault("BENCH_SERVER_JVM_OPTS", ""));
		server.put("commit", System.getenv().getOrDefault("BENCH_COMMIT", "unknown"));
		server.put("cores", Runtime.getRuntime().availableProcessors());

		LoadDriver driver = new LoadDriver();
		Scenarios scenarios = new Scenarios(base);
		driver.run(scenarios.warmUp());
		List<ScenarioResult> results = new ArrayList<>();
		for (Scenario scenario : scenarios.all()) {
			ScenarioResult result = driver.run(scenario);
			results.add(result);
			System.out.printf("%-45s c=%d  %8.1f req/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  errors %d%n",
					result.name(), result.concurrency(), result.throughput(), result.p50(), result.p95(), result.p99(), result.errors());
		}
		server.put("peakRssMb", ProcessMemory.peakRssKb(Long.parseLong(args[3])) / 1024);
		Map<String, Object> inProcess = InProcessTriage.measure();
		server.put("inProcessTriage", inProcess);
		System.out.println("in-process DenialTriage.triage, 1 thread: " + inProcess);
		write(reportDir, args[2], server, results);
	}

	private static void write(Path dir, String database, Map<String, Object> server, List<ScenarioResult> results)
			throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("server", server);
		report.put("scenarios", results);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
				.writeValue(dir.resolve("report-" + database + ".json").toFile(), report);
		Files.writeString(dir.resolve("report-" + database + ".md"), Markdown.of(server, results));
	}
}
