package dev.recourse.metrics;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An evaluation as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break): one line per
 * number, the same numbers as the MeasureReports, with the organization and period on every line so a file stands
 * on its own.
 */
final class MetricsCsv {
	static final String HEADER = "organization,period_start,period_end,measure,group,stratifier,stratum,initial_population,"
			+ "denominator,numerator,score,unit";

	private MetricsCsv() {
	}

	static String of(MetricsResult result) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (MeasureValue value : result.values()) {
			csv.append(line(List.of(result.organization(), result.period().start().toString(), result.period().end().toString(),
					value.measure(), value.group(), value.stratifier(), value.stratum(), Long.toString(value.initialPopulation()),
					Long.toString(value.denominator()), value.numerator() == null ? "" : value.numerator().toString(),
					value.score() == null ? "" : value.reportedScore().toPlainString(), value.unit()))).append("\r\n");
		}
		return csv.toString();
	}

	private static String line(List<String> fields) {
		return fields.stream().map(MetricsCsv::field).collect(Collectors.joining(","));
	}

	static String field(String value) {
		boolean quote = Stream.of(",", "\"", "\r", "\n").anyMatch(value::contains);
		return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}
}
