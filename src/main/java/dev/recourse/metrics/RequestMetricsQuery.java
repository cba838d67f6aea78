package dev.recourse.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The payer side's CMS-0057-F prior-authorization numbers, aggregated in the database over the requests received in
 * the period, standard and expedited apart: approved (in whole or part) and denied among those decided, approved after
 * appeal among the decided appeals, and the time from receipt to decision (average and median, hours).
 */
@Component
class RequestMetricsQuery {
	private static final String APPROVED = "outcome IN ('approved', 'partially-approved')";
	private static final String SQL = "SELECT COUNT(*) AS received, COUNT(outcome) AS decided,"
			+ " SUM(CASE WHEN " + APPROVED + " THEN 1 ELSE 0 END) AS approved,"
			+ " SUM(CASE WHEN outcome = 'denied' THEN 1 ELSE 0 END) AS denied,"
			+ " SUM(CASE WHEN appeal = TRUE AND outcome IS NOT NULL THEN 1 ELSE 0 END) AS appeals,"
			+ " SUM(CASE WHEN appeal = TRUE AND " + APPROVED + " THEN 1 ELSE 0 END) AS approved_on_appeal,"
			+ " AVG(CAST(decided_at - received_at AS DOUBLE PRECISION)) AS average,"
			+ " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY decided_at - received_at) AS median"
			+ " FROM " + MetricsTables.REQUESTS;
	private final JdbcTemplate jdbc;

	RequestMetricsQuery(MetricsTables tables) {
		this.jdbc = tables.jdbc();
	}

	List<MeasureValue> run(MetricsScope scope) {
		List<MeasureValue> values = new ArrayList<>();
		for (boolean expedited : List.of(false, true)) {
			String sql = SQL + " WHERE COALESCE(expedited, FALSE) = ? AND org_key IN " + scope.keysPlaceholders()
					+ " AND received_at >= ? AND received_at < ?";
			String kind = expedited ? "expedited" : "standard";
			values.addAll(jdbc.query(sql, (row, n) -> values(row, kind), scope.parameters(expedited)).get(0));
		}
		return values;
	}

	private static List<MeasureValue> values(ResultSet row, String kind) throws SQLException {
		long received = row.getLong("received");
		long decided = row.getLong("decided");
		long approved = row.getLong("approved");
		long denied = row.getLong("denied");
		long appeals = row.getLong("appeals");
		long onAppeal = row.getLong("approved_on_appeal");
		return List.of(
				value("pa-approved-" + kind, received, decided, approved, MeasureValue.rate(approved, decided), "1"),
				value("pa-denied-" + kind, received, decided, denied, MeasureValue.rate(denied, decided), "1"),
				value("pa-approved-after-appeal-" + kind, received, appeals, onAppeal, MeasureValue.rate(onAppeal, appeals), "1"),
				value("pa-decision-time-average-" + kind, received, decided, null, hours(row, "average"), "h"),
				value("pa-decision-time-median-" + kind, received, decided, null, hours(row, "median"), "h"));
	}

	private static MeasureValue value(String group, long received, long denominator, Long numerator, Double score, String unit) {
		String measure = "1".equals(unit) ? MeasureValue.CMS_0057_F : MeasureValue.CMS_0057_F_TIME;
		return new MeasureValue(measure, group, "", "", received, denominator, numerator, score, unit);
	}

	private static Double hours(ResultSet row, String column) throws SQLException {
		Double days = CaseMetricsQuery.days(row, column);
		return days == null ? null : days * 24;
	}
}
