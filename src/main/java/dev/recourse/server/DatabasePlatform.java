package dev.recourse.server;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import java.util.Arrays;

/**
 * The databases Recourse runs on, told apart by the JDBC URL alone, so that PostgreSQL is a matter of
 * {@code SPRING_DATASOURCE_URL} and not of a second code path or a dialect setting someone must remember.
 */
enum DatabasePlatform {
	H2("jdbc:h2:", HapiFhirH2Dialect.class, DriverTypeEnum.H2_EMBEDDED),
	POSTGRESQL("jdbc:postgresql:", HapiFhirPostgresDialect.class, DriverTypeEnum.POSTGRES_9_4);

	private final String urlPrefix;
	private final Class<?> dialect;
	private final DriverTypeEnum migrationDriver;

	DatabasePlatform(String urlPrefix, Class<?> dialect, DriverTypeEnum migrationDriver) {
		this.urlPrefix = urlPrefix;
		this.dialect = dialect;
		this.migrationDriver = migrationDriver;
	}

	static DatabasePlatform fromJdbcUrl(String url) {
		return Arrays.stream(values())
				.filter(platform -> url != null && url.startsWith(platform.urlPrefix))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"Unsupported database URL (Recourse runs on H2 and PostgreSQL): " + redact(url)));
	}

	String dialectClassName() {
		return dialect.getName();
	}

	DriverTypeEnum migrationDriver() {
		return migrationDriver;
	}

	private static String redact(String url) {
		return url == null ? "(none)" : url.replaceAll("(?i)(password=)[^;&]*", "$1***");
	}
}
