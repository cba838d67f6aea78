package dev.recourse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What security costs, per database: throughput of every security mode that was run side by side, each as a
 * ratio to the open server (enforce and audit off), and the secured and open server against the foundation
 * benchmark's bare-HAPI numbers ({@code bench/foundation.json}) where that had the scenario. Reads the
 * {@code report-<db>-<mode>.json} files a run left and writes {@code comparison.md} beside them.
 * Usage: {@code Comparison <reportDir> <foundation.json>}.
 */
public final class Comparison {
	/** Security modes in the order they are shown; the first is the baseline of the ratios. */
	static final List<String> MODES = List.of("open", "authz", "secure");
	private static final ObjectMapper JSON = new ObjectMapper();

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		JsonNode foundation = JSON.readTree(Path.of(args[1]).toFile());
		StringBuilder md = new StringBuilder("# What security costs: throughput by security mode\n\n")
				.append("Modes: **open** = `RECOURSE_SECURITY_ENFORCE=false`, audit off; **authz** = bearer tokens and")
				.append(" authorization, audit off; **secure** = bearer tokens, authorization and the audit trail (the")
				.append(" default). Ratios are throughput (req/s) over the open server's, or over the foundation")
				.append(" benchmark's (").append(foundation.path("source").asText()).append("); below 1 is slower.\n");
		for (String database : List.of("h2", "postgres")) {
			Map<String, JsonNode> reports = new LinkedHashMap<>();
			for (String mode : MODES) {
				Path file = dir.resolve("report-" + database + "-" + mode + ".json");
				if (Files.exists(file)) {
					reports.put(mode, JSON.readTree(file.toFile()));
				}
			}
			if (!reports.isEmpty()) {
				md.append(table(database, reports, foundation.path("reqPerSecond").path(database)));
			}
		}
		Files.writeString(dir.resolve("comparison.md"), md);
		System.out.print(md);
	}

	private static String table(String database, Map<String, JsonNode> reports, JsonNode foundation) {
		List<String> modes = new ArrayList<>(reports.keySet());
		String baseline = modes.get(0);
		StringBuilder md = new StringBuilder("\n## ").append(database).append("\n\n");
		reports.forEach((mode, report) -> md.append("- ").append(mode).append(": commit ")
				.append(report.path("server").path("commit").asText()).append(", without a token ")
				.append(report.path("server").path("statusWithoutToken").asText()).append(", AuditEvents stored ")
				.append(report.path("server").path("auditEventsStored").asText()).append('\n'));
		md.append("\n| scenario | c |");
		modes.forEach(mode -> md.append(' ').append(mode).append(" req/s |"));
		modes.subList(1, modes.size()).forEach(mode -> md.append(' ').append(mode).append('/').append(baseline).append(" |"));
		modes.forEach(mode -> md.append(' ').append(mode).append(" p50 ms |"));
		md.append(" foundation req/s | ").append(String.join("/foundation | ", modes)).append("/foundation |\n|");
		md.append("---|".repeat(2 + modes.size() * 3 - 1 + 1 + modes.size())).append('\n');
		for (JsonNode scenario : reports.get(baseline).path("scenarios")) {
			String key = scenario.path("name").asText() + " c=" + scenario.path("concurrency").asInt();
			Map<String, JsonNode> byMode = new LinkedHashMap<>();
			reports.forEach((mode, report) -> byMode.put(mode, find(report, scenario)));
			md.append("| ").append(scenario.path("name").asText()).append(" | ").append(scenario.path("concurrency").asInt()).append(" |");
			byMode.values().forEach(result -> md.append(' ').append(number(throughput(result))).append(" |"));
			double base = throughput(byMode.get(baseline));
			modes.subList(1, modes.size()).forEach(mode -> md.append(' ').append(ratio(throughput(byMode.get(mode)), base)).append(" |"));
			byMode.values().forEach(result -> md.append(' ').append(result == null ? "–" : number(result.path("p50").asDouble())).append(" |"));
			double bare = foundation.path(key).asDouble(Double.NaN);
			md.append(' ').append(number(bare)).append(" |");
			byMode.values().forEach(result -> md.append(' ').append(ratio(throughput(result), bare)).append(" |"));
			md.append('\n');
		}
		return md.toString();
	}

	private static JsonNode find(JsonNode report, JsonNode like) {
		for (JsonNode scenario : report.path("scenarios")) {
			if (scenario.path("name").equals(like.path("name")) && scenario.path("concurrency").equals(like.path("concurrency"))) {
				return scenario;
			}
		}
		return null;
	}

	private static double throughput(JsonNode result) {
		return result == null ? Double.NaN : result.path("requests").asDouble() / result.path("seconds").asDouble();
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "–" : String.format("%.1f", value);
	}

	private static String ratio(double value, double over) {
		return Double.isNaN(value) || Double.isNaN(over) ? "–" : String.format("%.2f", value / over);
	}
}
