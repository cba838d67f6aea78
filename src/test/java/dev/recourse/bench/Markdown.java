package dev.recourse.bench;

import java.util.List;
import java.util.Map;

/** The report as a Markdown page. */
final class Markdown {
	private Markdown() {}

	static String of(String label, Map<String, Object> server, List<ScenarioResult> results) {
		StringBuilder md = new StringBuilder("# Recourse benchmark: ").append(label).append("\n\n");
		server.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("\n| scenario | c | requests | req/s | first ms | p50 ms | p95 ms | p99 ms | max ms | errors | statuses |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (ScenarioResult r : results) {
			md.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n",
					r.name(), r.concurrency(), r.requests(), r.throughput(), r.firstMs(), r.p50(), r.p95(), r.p99(),
					r.max(), r.errors(), r.statuses()));
		}
		return md.toString();
	}
}
