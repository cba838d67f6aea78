package dev.recourse.server;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.repository.HapiFhirRepository;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The local store as HAPI's {@link IRepository}, the one data port services use, bound to the request
 * being served so that everything it does runs with that request's interceptors and partition.
 */
@Component
public class LocalRepositories {
	private final DaoRegistry daoRegistry;
	private final ObjectProvider<RestfulServer> restfulServer;

	// The server is looked up lazily: it is built from the providers whose services use this class.
	LocalRepositories(DaoRegistry daoRegistry, ObjectProvider<RestfulServer> restfulServer) {
		this.daoRegistry = daoRegistry;
		this.restfulServer = restfulServer;
	}

	public IRepository forRequest(RequestDetails request) {
		return new HapiFhirRepository(daoRegistry, request, restfulServer.getObject());
	}

	/**
	 * The store as the server itself, with no caller's scopes: only for the server's own configuration
	 * data (Endpoints it registered), never for patient data a caller asked for.
	 */
	public IRepository forServer() {
		return new HapiFhirRepository(daoRegistry, new SystemRequestDetails(), restfulServer.getObject());
	}
}
