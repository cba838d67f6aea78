package dev.recourse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.recourse.bench.PacketPath.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The packet benchmark's report: {@code packet-report-<label>.md} for people, {@code .json} beside it for tools. */
final class PacketReport {
	/** The target: denial → validated packet within this much server time, for a patient of ≥ 1,000 resources. */
	static final double TARGET_MS = 2_000;
	static final int TARGET_RESOURCES = 1_000;

	private PacketReport() {}

	/**
	 * One case: what the driver saw, what the server logged for each request ({@code -1} where the log had no line),
	 * and the pull's phases from {@code HistoryPuller}'s line (null where missing).
	 */
	record Sample(PacketPath.CaseRun run, Map<Step, Long> serverMs, PhaseLog.Phases pull) {
		double client(Set<Step> steps) {
			return steps.stream().filter(run.clientMs()::containsKey).mapToDouble(run.clientMs()::get).sum();
		}

		double server(Set<Step> steps) {
			return steps.stream().map(serverMs::get).filter(ms -> ms != null && ms >= 0).mapToDouble(Long::doubleValue).sum();
		}
	}

	/** Sums of steps the report gives. */
	enum Total {
		AUTOMATED("Recourse operations, no person involved: $open-case + $pull-history + $map-criteria + $draft-letter + $assemble",
				EnumSet.of(Step.OPEN_CASE, Step.PULL, Step.MAP, Step.DRAFT, Step.ASSEMBLE)),
		OPERATIONS("all Recourse operations: the above + the prescriber's $sign",
				EnumSet.of(Step.OPEN_CASE, Step.PULL, Step.MAP, Step.DRAFT, Step.SIGN, Step.ASSEMBLE)),
		WHOLE("every request of the path: the above + the denial's transaction + the specialist's PUT of the map",
				EnumSet.allOf(Step.class));

		final String label;
		final Set<Step> steps;

		Total(String label, Set<Step> steps) {
			this.label = label;
			this.steps = steps;
		}
	}

	/** Nearest-rank percentiles. */
	record Percentiles(int n, double p50, double p95, double max) {
		static Percentiles of(List<Double> values) {
			if (values.isEmpty()) {
				return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
			}
			List<Double> sorted = values.stream().sorted().toList();
			return new Percentiles(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.95), sorted.get(sorted.size() - 1));
		}

		private static double rank(List<Double> sorted, double p) {
			return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
		}
	}

	static void write(Path dir, String label, Map<String, Object> facts, Sample cold, List<Sample> warm) throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("verdict", verdict(facts, cold, warm));
		json.put("facts", facts);
		Map<String, Object> steps = new LinkedHashMap<>();
		for (Step step : Step.values()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("kind", step.kind);
			one.put("coldClientMs", cold.run().clientMs().get(step));
			one.put("coldServerMs", cold.serverMs().get(step));
			one.put("warmClientMs", Percentiles.of(values(warm, s -> s.run().clientMs().get(step))));
			one.put("warmServerMs", Percentiles.of(values(warm, s -> toDouble(s.serverMs().get(step)))));
			steps.put(step.label, one);
		}
		json.put("steps", steps);
		Map<String, Object> totals = new LinkedHashMap<>();
		for (Total total : Total.values()) {
			totals.put(total.name().toLowerCase(), Map.of("what", total.label, "coldClientMs", cold.client(total.steps),
					"coldServerMs", cold.server(total.steps), "warmClientMs", Percentiles.of(values(warm, s -> s.client(total.steps))),
					"warmServerMs", Percentiles.of(values(warm, s -> s.server(total.steps)))));
		}
		json.put("totals", totals);
		List<Sample> settled = warm.subList(warm.size() / 2, warm.size());
		Map<String, Object> settledTotals = new LinkedHashMap<>();
		for (Total total : Total.values()) {
			settledTotals.put(total.name().toLowerCase(), Percentiles.of(values(settled, s -> s.server(total.steps))));
		}
		json.put("settledServerMs", settledTotals);
		json.put("cold", cold);
		json.put("warm", warm);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
				.writeValue(dir.resolve("packet-report-" + label + ".json").toFile(), json);
		Files.writeString(dir.resolve("packet-report-" + label + ".md"), markdown(label, facts, cold, warm));
	}

	static String markdown(String label, Map<String, Object> facts, Sample cold, List<Sample> warm) {
		StringBuilder md = new StringBuilder("# Recourse denial → validated packet benchmark: ").append(label).append("\n\n");
		md.append(verdict(facts, cold, warm)).append("\n\n");
		facts.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));

		md.append("\n## Per step (ms)\n\n*client* = request sent → body read, over loopback; *server* = the server's own"
				+ " `dev.recourse.requests` line (HAPI's request stopwatch). *cold* = the first case after start (first pull,"
				+ " map, letter, signature and packet of the server); *warm* = the ").append(warm.size())
				.append(" cases after it, one at a time, each a new patient, denial and case.\n\n")
				.append("| step | kind | cold client | cold server | warm client p50 | p95 | max | warm server p50 | p95 | max |"
						+ " share of warm automated server time |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
		double automatedMean = warm.stream().mapToDouble(s -> s.server(Total.AUTOMATED.steps)).average().orElse(Double.NaN);
		for (Step step : Step.values()) {
			Percentiles client = Percentiles.of(values(warm, s -> s.run().clientMs().get(step)));
			Percentiles server = Percentiles.of(values(warm, s -> toDouble(s.serverMs().get(step))));
			double mean = warm.stream().map(s -> s.serverMs().get(step)).filter(ms -> ms != null && ms >= 0).mapToLong(Long::longValue)
					.average().orElse(Double.NaN);
			String share = Total.AUTOMATED.steps.contains(step) ? String.format("%.0f %%", 100 * mean / automatedMean) : "—";
			md.append(String.format("| %s | %s | %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s |%n", step.label,
					step.kind.name().toLowerCase(), ms(cold.run().clientMs().get(step)), ms(toDouble(cold.serverMs().get(step))),
					client.p50(), client.p95(), client.max(), server.p50(), server.p95(), server.max(), share));
		}

		md.append("\n## Totals per case (ms)\n\nSums over one case's steps, then percentiles over the warm cases.\n\n"
				+ "| total | cold client | cold server | warm client p50 | p95 | max | warm server p50 | p95 | max |\n"
				+ "|---|---|---|---|---|---|---|---|---|\n");
		for (Total total : Total.values()) {
			Percentiles client = Percentiles.of(values(warm, s -> s.client(total.steps)));
			Percentiles server = Percentiles.of(values(warm, s -> s.server(total.steps)));
			md.append(String.format("| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", total.label,
					cold.client(total.steps), cold.server(total.steps), client.p50(), client.p95(), client.max(), server.p50(),
					server.p95(), server.max()));
		}

		List<Sample> settled = warm.subList(warm.size() / 2, warm.size());
		md.append("\n## Settled: the last half of the warm cases (ms, server)\n\nThe first warm cases still carry the JIT's"
				+ " warm-up; cases ").append(warm.isEmpty() ? "—" : settled.get(0).run().n() + "–" + settled.get(settled.size() - 1).run().n())
				.append(" show the server once settled.\n\n| step or total | p50 | max |\n|---|---|---|\n");
		for (Step step : Step.values()) {
			Percentiles server = Percentiles.of(values(settled, s -> toDouble(s.serverMs().get(step))));
			md.append(String.format("| %s | %.0f | %.0f |%n", step.label, server.p50(), server.max()));
		}
		for (Total total : Total.values()) {
			Percentiles server = Percentiles.of(values(settled, s -> s.server(total.steps)));
			md.append(String.format("| **total: %s** | %.0f | %.0f |%n", total.name().toLowerCase(), server.p50(), server.max()));
		}

		md.append("\n## Inside `$pull-history` (ms)\n\nFrom `HistoryPuller`'s log line per pull (see `bench/README.md`, the pull"
				+ " benchmark).\n\n| pull | fetch from the EHR | copies and timeline | store (one transaction) |\n|---|---|---|---|\n");
		if (cold.pull() != null) {
			md.append(String.format("| cold | %d | %d | %d |%n", cold.pull().fetchMs(), cold.pull().copiesMs(), cold.pull().storeMs()));
		}
		List<Sample> pulls = warm.stream().filter(s -> s.pull() != null).toList();
		md.append(String.format("| warm p50 | %.0f | %.0f | %.0f |%n",
				Percentiles.of(pulls.stream().map(s -> (double) s.pull().fetchMs()).toList()).p50(),
				Percentiles.of(pulls.stream().map(s -> (double) s.pull().copiesMs()).toList()).p50(),
				Percentiles.of(pulls.stream().map(s -> (double) s.pull().storeMs()).toList()).p50()));

		md.append("\n## Cases\n\n| case | Task | resources pulled | criteria (map) | answered by the specialist | letter PDF bytes"
				+ " | packet entries | automated client ms | automated server ms |\n|---|---|---|---|---|---|---|---|---|\n");
		List<Sample> all = new ArrayList<>();
		all.add(cold);
		all.addAll(warm);
		for (Sample s : all) {
			Map<String, Object> f = s.run().facts();
			md.append(String.format("| %s | Task/%s | %s | %s | %s | %s | %s | %.0f | %.0f |%n", s == cold ? "cold" : Integer.toString(s.run().n()),
					s.run().caseId(), f.get("pulledResources"), f.get("criteria"), f.get("answeredBySpecialist"), f.get("letterPdfBytes"),
					f.get("packetEntries"), s.client(Total.AUTOMATED.steps), s.server(Total.AUTOMATED.steps)));
		}
		md.append("\nPacket of the cold case: ").append(cold.run().facts().get("packetTypes")).append(", ")
				.append(cold.run().facts().get("packetBytes")).append(" bytes of JSON.\n");
		return md.toString();
	}

	/** Whether the automated operations' server time met the target, warm (p50, p95) and cold, in one sentence. */
	static String verdict(Map<String, Object> facts, Sample cold, List<Sample> warm) {
		Percentiles server = Percentiles.of(values(warm, s -> s.server(Total.AUTOMATED.steps)));
		double coldMs = cold.server(Total.AUTOMATED.steps);
		int resources = facts.get("compartmentTotal") instanceof Integer total ? total : -1;
		boolean met = resources >= TARGET_RESOURCES && server.p50() <= TARGET_MS && server.p95() <= TARGET_MS && coldMs <= TARGET_MS;
		boolean p50Met = resources >= TARGET_RESOURCES && server.p50() <= TARGET_MS;
		return String.format("**Target %s** (denial → validated packet ≤ %,.0f ms of server time, pull included, patient of ≥ %,d"
				+ " resources): patient compartment %,d resources; automated operations' server time warm p50 %,.0f ms, p95 %,.0f ms,"
				+ " max %,.0f ms over %d cases; cold (first case after start) %,.0f ms.", met ? "met" : p50Met ? "met at p50 only" : "missed",
				TARGET_MS, TARGET_RESOURCES, resources, server.p50(), server.p95(), server.max(), server.n(), coldMs);
	}

	private static List<Double> values(List<Sample> samples, Function<Sample, Double> of) {
		return samples.stream().map(of).filter(value -> value != null && value >= 0).toList();
	}

	private static Double toDouble(Long value) {
		return value == null ? null : value.doubleValue();
	}

	private static String ms(Double value) {
		return value == null || value < 0 ? "—" : String.format("%.0f", value);
	}
}
