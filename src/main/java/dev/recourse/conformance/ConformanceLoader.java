package dev.recourse.conformance;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.validation.JpaValidationSupportChain;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before the server reports ready: puts the FHIR packages into the validation chain, then
 * stores our conformance resources in the server, so clients can read them
 * ({@code GET /fhir/OperationDefinition/ClaimResponse-triage}) and our SearchParameters take effect.
 * Each is a PUT of its own id: unchanged resources make no new version, and several instances starting
 * together end with the same data.
 */
@Component
class ConformanceLoader {
	private static final Logger log = LoggerFactory.getLogger(ConformanceLoader.class);
	private final ProfileLibrary library;
	private final DaoRegistry daoRegistry;
	private final ISearchParamRegistry searchParamRegistry;
	private final ValidationSetup validation;

	ConformanceLoader(ProfileLibrary library, DaoRegistry daoRegistry, ISearchParamRegistry searchParamRegistry, ValidationSetup validation) {
		this.library = library;
		this.daoRegistry = daoRegistry;
		this.searchParamRegistry = searchParamRegistry;
		this.validation = validation;
	}

	/** The packages and our profiles, in the validation chain before the server reports ready. */
	@org.springframework.stereotype.Component
	record ValidationSetup(ConformancePackages packages, JpaValidationSupportChain chain) {}

	@Order(0)
	@EventListener(ApplicationReadyEvent.class)
	void storeOnStartup() {
		long start = System.nanoTime();
		validation.packages().installInto(validation.chain());
		int stored = 0;
		for (IBaseResource resource : library.conformanceResources()) {
			stored += store(resource) ? 1 : 0;
		}
		searchParamRegistry.forceRefresh();
		log.info(
				"Stored {} of {} conformance resources in {} ms",
				stored,
				library.conformanceResources().size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	@SuppressWarnings("unchecked")
	private boolean store(IBaseResource resource) {
		try {
			daoRegistry.getResourceDao(resource.fhirType()).update(resource, new SystemRequestDetails());
			return true;
		} catch (RuntimeException e) {
			// Another instance may be storing the same resource right now; the result is the same.
			log.warn("{} {} not stored: {}", resource.fhirType(), resource.getIdElement().getIdPart(), e.getMessage());
			return false;
		}
	}
}
