package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import org.junit.jupiter.api.Test;

class DatabasePlatformTest {

	@Test
	void h2Url_isH2() {
		DatabasePlatform platform = DatabasePlatform.fromJdbcUrl("jdbc:h2:file:./data/recourse");

		assertThat(platform).isEqualTo(DatabasePlatform.H2);
		assertThat(platform.dialectClassName()).endsWith("HapiFhirH2Dialect");
		assertThat(platform.migrationDriver()).isEqualTo(DriverTypeEnum.H2_EMBEDDED);
	}

	@Test
	void postgresUrl_isPostgres() {
		DatabasePlatform platform = DatabasePlatform.fromJdbcUrl("jdbc:postgresql://db:5432/recourse");

		assertThat(platform.dialectClassName()).endsWith("HapiFhirPostgresDialect");
		assertThat(platform.migrationDriver()).isEqualTo(DriverTypeEnum.POSTGRES_9_4);
	}

	@Test
	void otherUrl_isRefusedWithoutRevealingThePassword() {
		assertThatThrownBy(() -> DatabasePlatform.fromJdbcUrl("jdbc:mysql://db/recourse?user=a&password=hunter2"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("H2 and PostgreSQL")
				.hasMessageNotContaining("hunter2");
	}
}
