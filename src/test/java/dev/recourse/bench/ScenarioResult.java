package dev.recourse.bench;

import java.util.Arrays;
import java.util.Map;

/** What one scenario measured; latencies in milliseconds. */
record ScenarioResult(
		String name, int requests, int concurrency, double seconds, Map<Integer, Integer> statuses, int exceptions,
		double firstMs, double p50, double p95, double p99, double max) {

	static ScenarioResult of(Scenario scenario, double seconds, long[] nanos, Map<Integer, Integer> statuses, int exceptions) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new ScenarioResult(scenario.name(), scenario.requests(), scenario.concurrency(), seconds, statuses,
				exceptions, nanos[0] / 1e6, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
	}

	double throughput() {
		return requests / seconds;
	}

	int errors() {
		return exceptions + statuses.entrySet().stream().filter(e -> e.getKey() >= 300).mapToInt(Map.Entry::getValue).sum();
	}

	private static double pct(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}
}
