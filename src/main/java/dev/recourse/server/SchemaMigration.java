package dev.recourse.server;

import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema to HAPI 8.8's with HAPI's own migrator instead of Hibernate's
 * {@code hbm2ddl}: the migrator records what it ran and takes a database lock, so a database survives
 * upgrades and several instances starting at once on one PostgreSQL do not race each other.
 */
final class SchemaMigration {
	static final String MIGRATION_TABLE = "FLY_HFJ_MIGRATION";
	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	private SchemaMigration() {}

	static void migrate(DataSource dataSource, DatabasePlatform platform) {
		long start = System.nanoTime();
		HapiMigrator migrator = new HapiMigrator(MIGRATION_TABLE, dataSource, platform.migrationDriver());
		migrator.addTasks(new HapiFhirJpaMigrationTasks(Set.of()).getAllTasks(VersionEnum.values()));
		migrator.createMigrationTableIfRequired();
		MigrationResult result = migrator.migrate();
		log.info(
				"Schema migration on {}: {} task(s) run in {} ms",
				platform,
				result.succeededTasks.size(),
				(System.nanoTime() - start) / 1_000_000);
	}
}
