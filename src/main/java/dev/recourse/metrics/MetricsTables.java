package dev.recourse.metrics;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model's two tables, created at start-up when missing. HAPI's migrator owns HAPI's schema only, so these are
 * plain {@code CREATE TABLE IF NOT EXISTS} in SQL both H2 and PostgreSQL speak (times as epoch seconds, so arithmetic
 * needs no dialect). Two instances starting at once on one PostgreSQL can race inside {@code IF NOT EXISTS} (a duplicate
 * catalogue row); the loser finds the table there and goes on.
 */
@Component
class MetricsTables {
	static final String CASES = "rc_case_metrics";
	static final String REQUESTS = "rc_request_metrics";
	private static final Logger log = LoggerFactory.getLogger(MetricsTables.class);
	private static final List<String> DDL = List.of(
			"CREATE TABLE IF NOT EXISTS " + CASES + " (case_id VARCHAR(128) PRIMARY KEY, org_key VARCHAR(300), payer VARCHAR(300),"
					+ " category VARCHAR(64), service VARCHAR(128), denied_at BIGINT, stage VARCHAR(64), submitted_at BIGINT,"
					+ " pathway VARCHAR(64), filing_deadline BIGINT, decision_due BIGINT, decided_at BIGINT, outcome VARCHAR(32))",
			"CREATE INDEX IF NOT EXISTS rc_case_metrics_org ON " + CASES + " (org_key, denied_at)",
			"CREATE TABLE IF NOT EXISTS " + REQUESTS + " (response_id VARCHAR(128) PRIMARY KEY, org_key VARCHAR(300),"
					+ " received_at BIGINT, expedited BOOLEAN, appeal BOOLEAN, decided_at BIGINT, outcome VARCHAR(32))",
			"CREATE INDEX IF NOT EXISTS rc_request_metrics_org ON " + REQUESTS + " (org_key, received_at)");

	private final JdbcTemplate jdbc;
	private final boolean backfill;

	MetricsTables(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		// looked at before this start writes anything: a new database (the demo loading its cases, a test suite) has
		// rows written by the hooks and needs no replay
		this.backfill = !exists() && heldCasesOrAnswers();
		for (String statement : DDL) {
			execute(statement);
		}
	}

	/**
	 * Whether this start created the tables on a database that already held cases or payer answers (one from before the
	 * read model): they then have to be replayed from the FHIR resources on file.
	 */
	boolean backfillNeeded() {
		return backfill;
	}

	JdbcTemplate jdbc() {
		return jdbc;
	}

	private boolean heldCasesOrAnswers() {
		try {
			Long held = jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_RESOURCE WHERE RES_TYPE IN ('Task', 'ClaimResponse')", Long.class);
			return held != null && held > 0;
		} catch (DataAccessException noHapiSchemaYet) {
			return false;
		}
	}

	/** From the catalogue, not by a query that fails: PostgreSQL logs such a failure as an ERROR. */
	private boolean exists() {
		return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
			DatabaseMetaData catalogue = connection.getMetaData();
			// H2 keeps unquoted names in upper case, PostgreSQL in lower case
			for (String name : List.of(CASES, CASES.toUpperCase(Locale.ROOT))) {
				try (ResultSet tables = catalogue.getTables(null, null, name, new String[] {"TABLE"})) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}));
	}

	private void execute(String statement) {
		try {
			jdbc.execute(statement);
		} catch (DataAccessException raced) {
			// another instance created it between our check and ours; anything else shows on the next statement
			log.info("Metrics schema statement skipped: {}", raced.getMostSpecificCause().getClass().getSimpleName());
		}
	}
}
