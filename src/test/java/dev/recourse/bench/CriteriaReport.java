package dev.recourse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The criteria benchmark's report: {@code criteria-report-<label>.md} for people, {@code .json} beside it for tools. */
final class CriteriaReport {
	/** The target: for a patient of at least this many resources, warm p50 and first evaluation. */
	static final int TARGET_RESOURCES = 1_000;
	static final double TARGET_WARM_P50_MS = 100;
	static final double TARGET_FIRST_MS = 1_000;

	private CriteriaReport() {}

	/**
	 * One policy: its first map (cold for that policy; the first policy's is also the server's first map), then the
	 * warm repeats, each as the driver saw it and as the server logged it ({@code -1} where the log had no line).
	 */
	record PolicyRun(String policy, String caseId, CriteriaCalls.MapCall first, long firstServerMs,
			List<CriteriaCalls.MapCall> warm, List<Long> warmServerMs) {
		Percentiles warmClient() {
			return Percentiles.of(warm.stream().map(CriteriaCalls.MapCall::millis).toList());
		}

		Percentiles warmServer() {
			return Percentiles.of(warmServerMs.stream().map(Long::doubleValue).toList());
		}
	}

	/** Nearest-rank percentiles. */
	record Percentiles(double p50, double p90, double max) {
		static Percentiles of(List<Double> values) {
			if (values.isEmpty()) {
				return new Percentiles(Double.NaN, Double.NaN, Double.NaN);
			}
			List<Double> sorted = values.stream().sorted().toList();
			return new Percentiles(rank(sorted, 0.5), rank(sorted, 0.9), sorted.get(sorted.size() - 1));
		}

		private static double rank(List<Double> sorted, double p) {
			return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
		}
	}

	static void write(Path dir, String label, Map<String, Object> facts, Map<String, Integer> compartment, List<PolicyRun> runs)
			throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("facts", facts);
		json.put("compartment", compartment);
		json.put("compartmentTotal", total(compartment));
		Map<String, Object> summary = new LinkedHashMap<>();
		for (PolicyRun run : runs) {
			summary.put(run.policy(), Map.of("firstMs", run.first().millis(), "firstServerMs", run.firstServerMs(),
					"warmMs", run.warmClient(), "warmServerMs", run.warmServer(), "criteria", run.first().statuses(),
					"evidence", run.first().evidence()));
		}
		json.put("verdict", verdict(compartment, runs));
		json.put("summary", summary);
		json.put("runs", runs);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
				.writeValue(dir.resolve("criteria-report-" + label + ".json").toFile(), json);
		Files.writeString(dir.resolve("criteria-report-" + label + ".md"), markdown(label, facts, compartment, runs));
	}

	static String markdown(String label, Map<String, Object> facts, Map<String, Integer> compartment, List<PolicyRun> runs) {
		StringBuilder md = new StringBuilder("# Recourse `$map-criteria` benchmark: ").append(label).append("\n\n");
		md.append(verdict(compartment, runs)).append("\n\n");
		facts.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("\n## Per policy (ms)\n\n*client* = request sent → body read, over loopback; *server* = the server's own"
				+ " `dev.recourse.requests` line for the call. The first policy's first map is also the server's first map"
				+ " after start.\n\n| policy | case | first client | first server | warm n | warm p50 | warm p90 | warm max"
				+ " | warm server p50 | warm server p90 | criteria (first map) | evidence refs |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (PolicyRun run : runs) {
			Percentiles client = run.warmClient();
			Percentiles server = run.warmServer();
			md.append(String.format("| %s | Task/%s | %.0f | %d | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %s | %d |%n", run.policy(),
					run.caseId(), run.first().millis(), run.firstServerMs(), run.warm().size(), client.p50(), client.p90(),
					client.max(), server.p50(), server.p90(), run.first().statuses(), run.first().evidence()));
		}
		md.append("\n## The patient's compartment on the server (before the maps)\n\n");
		compartment.forEach((type, count) -> md.append("- ").append(type).append(": ").append(count).append('\n'));
		md.append("- **total: ").append(total(compartment)).append("**\n");
		return md.toString();
	}

	/** Whether every measured policy met both targets, in one sentence. */
	static String verdict(Map<String, Integer> compartment, List<PolicyRun> runs) {
		int resources = total(compartment);
		double worstP50 = runs.stream().mapToDouble(run -> run.warmClient().p50()).max().orElse(Double.NaN);
		double worstFirst = runs.stream().mapToDouble(run -> run.first().millis()).max().orElse(Double.NaN);
		boolean met = resources >= TARGET_RESOURCES && worstP50 <= TARGET_WARM_P50_MS && worstFirst <= TARGET_FIRST_MS;
		return String.format("**Target %s**: patient of %,d resources; worst warm p50 %.1f ms (target ≤ %.0f ms), worst"
				+ " first evaluation of a policy %,.0f ms (target ≤ %,.0f ms), over %d policies.", met ? "met" : "missed",
				resources, worstP50, TARGET_WARM_P50_MS, worstFirst, TARGET_FIRST_MS, runs.size());
	}

	private static int total(Map<String, Integer> compartment) {
		return compartment.values().stream().mapToInt(Integer::intValue).sum();
	}
}
