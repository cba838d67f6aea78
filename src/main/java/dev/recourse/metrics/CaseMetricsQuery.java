package dev.recourse.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The provider side's numbers, aggregated in the database over the cases whose denial is dated in the period: overturn
 * rate (decided cases the payer reversed in whole or part) in total and by payer, category, drug/service and pathway;
 * time from the denial to the first submission (average, median, days); filing deadlines met vs missed (submitted by
 * the end of the deadline's day, UTC; an unsubmitted case whose deadline has passed is missed); the payer's decision
 * clock met vs missed (only where submissions carry {@code submission-decision-due}).
 */
@Component
class CaseMetricsQuery {
	private static final String OVERTURNED = "CASE WHEN outcome IN ('approved', 'partially-approved') THEN 1 ELSE 0 END";
	private static final String DUE_END = "(filing_deadline + 1) * 86400";
	private static final Map<String, String> STRATIFIERS = Map.of("payer", "payer", "category", "category", "service", "service",
			"pathway", "pathway");
	private final JdbcTemplate jdbc;

	CaseMetricsQuery(MetricsTables tables) {
		this.jdbc = tables.jdbc();
	}

	List<MeasureValue> run(MetricsScope scope) {
		List<MeasureValue> values = new ArrayList<>(overturn(scope, "", null));
		for (String stratifier : List.of("payer", "category", "service", "pathway")) {
			values.addAll(overturn(scope, stratifier, "COALESCE(" + STRATIFIERS.get(stratifier) + ", 'unknown')"));
		}
		values.addAll(timing(scope));
		return values;
	}

	private List<MeasureValue> overturn(MetricsScope scope, String stratifier, String stratum) {
		// the total has no GROUP BY: an organization without cases still gets its one row of zeros
		String sql = "SELECT " + (stratum == null ? "''" : stratum) + " AS stratum, COUNT(*) AS cases, COUNT(decided_at) AS decided,"
				+ " COALESCE(SUM(" + OVERTURNED + "), 0) AS overturned FROM " + MetricsTables.CASES + where(scope)
				+ (stratum == null ? "" : " GROUP BY " + stratum + " ORDER BY 1");
		return jdbc.query(sql, (row, n) -> new MeasureValue(MeasureValue.OUTCOMES, "overturn-rate", stratifier,
				stratifier.isEmpty() ? "" : row.getString("stratum"), row.getLong("cases"), row.getLong("decided"),
				row.getLong("overturned"), MeasureValue.rate(row.getLong("overturned"), row.getLong("decided")), "1"),
				scope.parameters());
	}

	private List<MeasureValue> timing(MetricsScope scope) {
		String sql = "SELECT COUNT(*) AS cases, COUNT(submitted_at) AS submitted,"
				+ " AVG(CAST(submitted_at - denied_at AS DOUBLE PRECISION)) AS average,"
				+ " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY submitted_at - denied_at) AS median,"
				+ " SUM(CASE WHEN submitted_at < " + DUE_END + " THEN 1 ELSE 0 END) AS filing_met,"
				+ " SUM(CASE WHEN submitted_at >= " + DUE_END + " OR (submitted_at IS NULL AND ? >= " + DUE_END + ") THEN 1 ELSE 0 END)"
				+ " AS filing_missed,"
				+ " SUM(CASE WHEN decided_at <= decision_due THEN 1 ELSE 0 END) AS clock_met,"
				+ " SUM(CASE WHEN decided_at > decision_due OR (decided_at IS NULL AND ? > decision_due) THEN 1 ELSE 0 END) AS clock_missed"
				+ " FROM " + MetricsTables.CASES + where(scope);
		return jdbc.query(sql, (row, n) -> timingValues(row), scope.parameters(scope.asOf(), scope.asOf())).get(0);
	}

	private static List<MeasureValue> timingValues(ResultSet row) throws SQLException {
		long cases = row.getLong("cases");
		long submitted = row.getLong("submitted");
		long filingMet = row.getLong("filing_met");
		long clockMet = row.getLong("clock_met");
		long filing = filingMet + row.getLong("filing_missed");
		long clock = clockMet + row.getLong("clock_missed");
		return List.of(
				new MeasureValue(MeasureValue.TIMING, "denial-to-submission-average", "", "", cases, submitted, null, days(row, "average"), "d"),
				new MeasureValue(MeasureValue.TIMING, "denial-to-submission-median", "", "", cases, submitted, null, days(row, "median"), "d"),
				new MeasureValue(MeasureValue.OUTCOMES, "filing-deadline-met", "", "", cases, filing, filingMet, MeasureValue.rate(filingMet, filing), "1"),
				new MeasureValue(MeasureValue.OUTCOMES, "decision-clock-met", "", "", cases, clock, clockMet, MeasureValue.rate(clockMet, clock), "1"));
	}

	static Double days(ResultSet row, String column) throws SQLException {
		double seconds = row.getDouble(column);
		return row.wasNull() ? null : seconds / 86400;
	}

	private static String where(MetricsScope scope) {
		return " WHERE org_key IN " + scope.keysPlaceholders() + " AND denied_at >= ? AND denied_at < ?";
	}
}
