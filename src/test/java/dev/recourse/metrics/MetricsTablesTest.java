package dev.recourse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** When the read model must be replayed at start-up, on a real (in-memory) H2 database of each test's own. */
class MetricsTablesTest {

	@Test
	void aNewDatabase_getsTheTables_andNoReplay() {
		JdbcDataSource database = database();

		MetricsTables tables = new MetricsTables(database);

		assertThat(tables.backfillNeeded()).isFalse();
		assertThat(new JdbcTemplate(database).queryForObject("SELECT COUNT(*) FROM " + MetricsTables.CASES, Long.class)).isZero();
	}

	@Test
	void aDatabaseWithCasesButNoTables_isReplayed_once() {
		JdbcDataSource database = database();
		JdbcTemplate jdbc = new JdbcTemplate(database);
		jdbc.execute("CREATE TABLE HFJ_RESOURCE (RES_ID BIGINT, RES_TYPE VARCHAR(40))");
		jdbc.execute("INSERT INTO HFJ_RESOURCE VALUES (1, 'Task')");

		assertThat(new MetricsTables(database).backfillNeeded()).as("tables created now, cases on file").isTrue();
		assertThat(new MetricsTables(database).backfillNeeded()).as("the next start finds the tables").isFalse();
	}

	private static JdbcDataSource database() {
		JdbcDataSource database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return database;
	}
}
