package dev.recourse.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The database an integration-test run uses, chosen by the system property {@code recourse.test.database}
 * ({@code h2}, the default, or {@code postgres}; Maven's failsafe runs the suite once with each).
 * PostgreSQL is the server named by {@code RECOURSE_TEST_DB_URL} (with {@code _USERNAME} and
 * {@code _PASSWORD}) when set, else a real PostgreSQL started from the binaries on the test class path.
 * If it cannot start, the tests fail: they never fall back to H2.
 */
public final class TestDatabase {
	private static Map<String, String> settings;
	private static EmbeddedPostgres embedded;

	private TestDatabase() {}

	public static String kind() {
		return System.getProperty("recourse.test.database", "h2");
	}

	/** The spring.datasource properties of this run's database, started on first use. */
	public static synchronized Map<String, String> datasourceProperties() {
		if (settings == null) {
			settings = "postgres".equals(kind()) ? postgres() : h2();
		}
		return settings;
	}

	private static Map<String, String> h2() {
		return Map.of(
				"spring.datasource.url", "jdbc:h2:mem:recourse-it;DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa",
				"spring.datasource.password", "");
	}

	private static Map<String, String> postgres() {
		String external = System.getenv("RECOURSE_TEST_DB_URL");
		if (external != null && !external.isBlank()) {
			return Map.of(
					"spring.datasource.url", external,
					"spring.datasource.username", System.getenv().getOrDefault("RECOURSE_TEST_DB_USERNAME", "postgres"),
					"spring.datasource.password", System.getenv().getOrDefault("RECOURSE_TEST_DB_PASSWORD", ""));
		}
		try {
			embedded = EmbeddedPostgres.builder().start();
		} catch (IOException e) {
			throw new UncheckedIOException("PostgreSQL for the integration tests did not start", e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbedded));
		return Map.of(
				"spring.datasource.url", embedded.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username", "postgres",
				"spring.datasource.password", "");
	}

	private static void stopEmbedded() {
		try {
			embedded.close();
		} catch (IOException e) {
			// the JVM is exiting; the data directory is temporary either way
		}
	}
}
