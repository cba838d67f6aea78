package dev.recourse.bench;

import java.util.List;

/** Minimum, median and maximum of a few measurements (five pulls do not make percentiles). */
record Spread(double min, double median, double max) {
	static Spread of(List<Double> values) {
		if (values.isEmpty()) {
			return new Spread(Double.NaN, Double.NaN, Double.NaN);
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Spread(sorted.get(0), median, sorted.get(n - 1));
	}
}
