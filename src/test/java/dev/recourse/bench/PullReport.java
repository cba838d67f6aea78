package dev.recourse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The pull benchmark's report: {@code pull-report-<label>.md} for people, {@code .json} beside it for tools. */
final class PullReport {
	/** The target: a patient of at least this many resources pulled within this many milliseconds. */
	static final int TARGET_RESOURCES = 1_000;
	static final double TARGET_MILLIS = 3_000;

	private PullReport() {}

	/** One pull: what the driver saw and what the server logged about it. */
	record Sample(Kind kind, PullCases.Pull pull, PhaseLog.Phases phases) {
		/** End to end less the puller's three phases: HTTP, security, reading the case, the answer. */
		double restMs() {
			return pull.millis() - phases.totalMs();
		}
	}

	enum Kind {
		WARM_UP("first pull after start"),
		FIRST("first-time pull (new patient and case)"),
		REPULL("re-pull (same case, nothing new)");

		final String label;

		Kind(String label) {
			this.label = label;
		}
	}

	static void write(Path dir, String label, Map<String, Object> facts, List<Sample> samples) throws IOException {
		Files.createDirectories(dir);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("facts", facts);
		Map<String, Object> summary = new LinkedHashMap<>();
		for (Kind kind : Kind.values()) {
			List<Sample> of = of(samples, kind);
			summary.put(kind.name().toLowerCase(), Map.of("endToEndMs", spread(of, s -> s.pull().millis()),
					"fetchMs", spread(of, s -> s.phases().fetchMs()), "copiesAndTimelineMs", spread(of, s -> s.phases().copiesMs()),
					"storeMs", spread(of, s -> s.phases().storeMs()), "restMs", spread(of, Sample::restMs)));
		}
		json.put("summary", summary);
		json.put("pulls", samples);
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
				.writeValue(dir.resolve("pull-report-" + label + ".json").toFile(), json);
		Files.writeString(dir.resolve("pull-report-" + label + ".md"), markdown(label, facts, samples));
	}

	static String markdown(String label, Map<String, Object> facts, List<Sample> samples) {
		StringBuilder md = new StringBuilder("# Recourse `$pull-history` benchmark: ").append(label).append("\n\n");
		md.append(verdict(samples)).append("\n\n");
		facts.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("\n## End to end over HTTP (ms)\n\n| pull | n | resources | min | median | max | EHR requests | warnings |\n")
				.append("|---|---|---|---|---|---|---|---|\n");
		for (Kind kind : Kind.values()) {
			List<Sample> of = of(samples, kind);
			Spread ms = spread(of, s -> s.pull().millis());
			md.append(String.format("| %s | %d | %s | %.0f | %.0f | %.0f | %s | %d |%n", kind.label, of.size(),
					distinct(of, s -> s.pull().resources()), ms.min(), ms.median(), ms.max(),
					distinct(of, s -> s.pull().ehrRequests()), of.stream().mapToInt(s -> s.pull().warnings()).sum()));
		}
		md.append("\n## Where the time goes (median ms)\n\nFrom `HistoryPuller`'s log line per pull. *store* includes the"
				+ " audit events of the stored resources (written inside the transaction). *rest* = end to end less the three"
				+ " phases: HTTP both ways, authentication and authorization, reading the case and its patient, writing the"
				+ " answer.\n\n| pull | end to end | fetch from the EHR | copies and timeline"
				+ " | store (one transaction) | rest |\n|---|---|---|---|---|---|\n");
		for (Kind kind : Kind.values()) {
			List<Sample> of = of(samples, kind);
			md.append(String.format("| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", kind.label,
					spread(of, s -> s.pull().millis()).median(), spread(of, s -> s.phases().fetchMs()).median(),
					spread(of, s -> s.phases().copiesMs()).median(), spread(of, s -> s.phases().storeMs()).median(),
					spread(of, Sample::restMs).median()));
		}
		md.append("\n## Resources pulled per type\n\n");
		samples.get(0).pull().counts().forEach((type, total) -> md.append("- ").append(type).append(": ").append(total).append('\n'));
		md.append("\n## Each pull\n\n| # | pull | case | ms | fetch | copies | store | unchanged (not written) | rest | via | EHR requests |\n")
				.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (int i = 0; i < samples.size(); i++) {
			Sample s = samples.get(i);
			md.append(String.format("| %d | %s | Task/%s | %.0f | %d | %d | %d | %d | %.0f | %s | %d |%n", i + 1, s.kind().label,
					s.pull().caseId(), s.pull().millis(), s.phases().fetchMs(), s.phases().copiesMs(), s.phases().storeMs(),
					s.phases().unchanged(), s.restMs(), s.phases().via(), s.pull().ehrRequests()));
		}
		return md.toString();
	}

	/** Whether the median first-time pull met the target, in one sentence. */
	static String verdict(List<Sample> samples) {
		List<Sample> first = of(samples, Kind.FIRST);
		int resources = first.stream().mapToInt(s -> s.pull().resources()).min().orElse(0);
		double median = spread(first, s -> s.pull().millis()).median();
		boolean met = resources >= TARGET_RESOURCES && median <= TARGET_MILLIS;
		return String.format("**Target %s**: median first-time pull of %,d resources took %,.0f ms end to end"
				+ " (target: ≥ %,d resources in ≤ %,.0f ms).", met ? "met" : "missed", resources, median, TARGET_RESOURCES,
				TARGET_MILLIS);
	}

	private static List<Sample> of(List<Sample> samples, Kind kind) {
		return samples.stream().filter(s -> s.kind() == kind).toList();
	}

	private static Spread spread(List<Sample> samples, ToDoubleFunction<Sample> value) {
		return Spread.of(samples.stream().mapToDouble(value).boxed().toList());
	}

	private static String distinct(List<Sample> samples, ToDoubleFunction<Sample> value) {
		return samples.stream().mapToDouble(value).mapToObj(v -> String.format("%.0f", v)).distinct()
				.reduce((a, b) -> a + ", " + b).orElse("");
	}
}
