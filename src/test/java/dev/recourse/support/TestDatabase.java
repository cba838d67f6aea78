package dev.recourse.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database an integration-test run uses, chosen by the system property {@code recourse.test.database}
 * ({@code h2}, the default, or {@code postgres}; Maven's failsafe runs the suite once with each).
 * PostgreSQL is the server named by {@code RECOURSE_TEST_DB_URL} (with {@code _USERNAME} and
 * {@code _PASSWORD}) when set, else a real PostgreSQL started from the binaries on the test class path.
 * If it cannot start, the tests fail: they never fall back to H2. A second Recourse instance that must not share
 * the run's database gets a database of its own on that PostgreSQL ({@link #newPostgresDatabase}), in either run.
 */
public final class TestDatabase {
	private static final String POSTGRES_USER = "postgres";
	private static Map<String, String> settings;
	private static EmbeddedPostgres embedded;

	private TestDatabase() {}

	public static String kind() {
		return System.getProperty("recourse.test.database", "h2");
	}

	/** The spring.datasource properties of this run's database, started on first use. */
	public static synchronized Map<String, String> datasourceProperties() {
		if (settings == null) {
			settings = "postgres".equals(kind()) ? postgres(null) : h2();
		}
		return settings;
	}

	/**
	 * The spring.datasource properties of a new, empty database on this run's PostgreSQL (started if the run is on
	 * H2), named {@code prefix} and a suffix of this JVM's, so that an external server kept between runs never hands
	 * out a database with another run's data in it.
	 */
	public static synchronized Map<String, String> newPostgresDatabase(String prefix) {
		Map<String, String> server = postgres(null);
		String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
		try (Connection connection = DriverManager.getConnection(server.get("spring.datasource.url"),
				server.get("spring.datasource.username"), server.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		} catch (SQLException e) {
			throw new IllegalStateException("cannot create the test database " + name, e);
		}
		return postgres(name);
	}

	private static Map<String, String> h2() {
		return Map.of(
				"spring.datasource.url", "jdbc:h2:mem:recourse-it;DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa",
				"spring.datasource.password", "");
	}

	/** The datasource properties of one database on the run's PostgreSQL server; null: the one it starts with. */
	private static Map<String, String> postgres(String database) {
		String external = System.getenv("RECOURSE_TEST_DB_URL");
		if (external != null && !external.isBlank()) {
			return Map.of(
					"spring.datasource.url", database == null ? external : withDatabase(external, database),
					"spring.datasource.username", System.getenv().getOrDefault("RECOURSE_TEST_DB_USERNAME", POSTGRES_USER),
					"spring.datasource.password", System.getenv().getOrDefault("RECOURSE_TEST_DB_PASSWORD", ""));
		}
		return Map.of(
				"spring.datasource.url", embedded().getJdbcUrl(POSTGRES_USER, database == null ? POSTGRES_USER : database),
				"spring.datasource.username", POSTGRES_USER,
				"spring.datasource.password", "");
	}

	/** {@code jdbc:postgresql://host:port/db?params} with another database. */
	private static String withDatabase(String url, String database) {
		int path = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', Math.max(path, 0));
		String tail = query < 0 ? "" : url.substring(query);
		return (path < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, path)) + "/" + database + tail;
	}

	private static EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			} catch (IOException e) {
				throw new UncheckedIOException("PostgreSQL for the integration tests did not start", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbedded));
		}
		return embedded;
	}

	private static void stopEmbedded() {
		try {
			embedded.close();
		} catch (IOException e) {
			// the JVM is exiting; the data directory is temporary either way
		}
	}
}
