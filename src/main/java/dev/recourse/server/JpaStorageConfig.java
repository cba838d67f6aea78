package dev.recourse.server;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import dev.recourse.common.RequestLimits;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI's JPA storage on whatever database {@code spring.datasource.url} names (H2 or PostgreSQL). Of HAPI's subscription
 * module only the channel configuration is imported: its matcher, submitter and delivery configurations are not, so HAPI
 * processes no Subscription — the PAS topic's (criteria a topic canonical, not a search URL) are delivered by
 * {@code payer/}.
 */
@Configuration
@Import({
	JpaR4Config.class,
	HapiJpaConfig.class,
	ThreadPoolFactoryConfig.class,
	JpaBatch2Config.class,
	Batch2JobsConfig.class,
	SubscriptionChannelConfig.class
})
class JpaStorageConfig {

	@Bean
	DatabasePlatform databasePlatform(DataSourceProperties dataSource) {
		return DatabasePlatform.fromJdbcUrl(dataSource.determineUrl());
	}

	@Bean
	JpaStorageSettings jpaStorageSettings(FhirServerProperties settings, RequestLimits limits) {
		JpaStorageSettings storage = new ScopedStorageSettings();
		storage.setAllowExternalReferences(false);
		storage.setAllowMultipleDelete(true);
		storage.setExpungeEnabled(settings.expungeEnabled());
		storage.setDeleteExpungeEnabled(settings.expungeEnabled());
		storage.setFetchSizeDefaultMaximum(limits.maxPageSize());
		storage.setHibernateSearchIndexFullText(false);
		storage.setAdvancedHSearchIndexing(false);
		// Client ids like "denial-42" are normal for EHR integrations; purely numeric ones would clash with
		// server-assigned ids, so HAPI's default refusal of those stays.
		storage.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ALPHANUMERIC);
		// a batch's entries one at a time: run in parallel, HAPI's AuthorizationInterceptor rules share a HashMap
		// (CompartmentSearchParameterModifications) that two entries can modify at once — a 500 on an entry
		storage.setBundleBatchPoolSize(1);
		storage.setBundleBatchMaxPoolSize(1);
		return storage;
	}

	@Bean
	PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Bean
	SubscriptionSettings subscriptionSettings() {
		return new SubscriptionSettings();
	}

	@Primary
	@Bean
	LocalContainerEntityManagerFactoryBean entityManagerFactory(
			ConfigurableListableBeanFactory beanFactory,
			FhirContext fhirContext,
			JpaStorageSettings storageSettings,
			JpaDatabase database) {
		SchemaMigration.migrate(database.dataSource(), database.platform());
		LocalContainerEntityManagerFactoryBean factory =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(database.dataSource());
		factory.setJpaPropertyMap(hibernateSettings(database));
		return factory;
	}

	@Bean
	JpaDatabase jpaDatabase(DataSource dataSource, DatabasePlatform platform, JpaProperties jpaProperties) {
		return new JpaDatabase(dataSource, platform, jpaProperties.getProperties());
	}

	@Bean
	@Primary
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	private static Map<String, Object> hibernateSettings(JpaDatabase database) {
		Map<String, Object> settings = new java.util.HashMap<>(database.extraProperties());
		settings.put(AvailableSettings.DIALECT, database.platform().dialectClassName());
		settings.putIfAbsent(AvailableSettings.HBM2DDL_AUTO, "none");
		settings.putIfAbsent(AvailableSettings.SCANNER, "org.hibernate.boot.archive.scan.internal.DisabledScanner");
		settings.putIfAbsent(
				AvailableSettings.IMPLICIT_NAMING_STRATEGY,
				"org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");
		settings.putIfAbsent(
				AvailableSettings.PHYSICAL_NAMING_STRATEGY,
				"org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
		settings.putIfAbsent(AvailableSettings.STATEMENT_BATCH_SIZE, "20");
		settings.putIfAbsent(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
		settings.putIfAbsent(AvailableSettings.USE_QUERY_CACHE, "false");
		settings.putIfAbsent("hibernate.search.enabled", "false");
		return settings;
	}

	/** The data source with what we know about it; one argument instead of three. */
	record JpaDatabase(DataSource dataSource, DatabasePlatform platform, Map<String, String> extraProperties) {}
}
