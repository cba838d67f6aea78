package dev.recourse.server;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** Builds the CapabilityStatement provider, which names Recourse and the version of this build. */
@Component
class CapabilityStatementFactory {
	private final JpaStorageSettings storageSettings;
	private final ISearchParamRegistry searchParamRegistry;
	private final IValidationSupport validationSupport;
	private final String version;

	CapabilityStatementFactory(
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			ObjectProvider<BuildProperties> buildProperties) {
		this.storageSettings = storageSettings;
		this.searchParamRegistry = searchParamRegistry;
		this.validationSupport = validationSupport;
		BuildProperties build = buildProperties.getIfAvailable();
		this.version = build == null ? "development" : build.getVersion();
	}

	JpaCapabilityStatementProvider create(RestfulServer server, IFhirSystemDao<?, ?> systemDao) {
		JpaCapabilityStatementProvider provider = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		provider.setImplementationDescription("Recourse " + version);
		return provider;
	}

	String version() {
		return version;
	}
}
