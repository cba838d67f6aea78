package dev.recourse.ehr.fake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HAPI RestfulServer of the fake: one provider per resource type (search by patient for the clinical
 * types, by category too for three of them, read only for the rest), HAPI paging, and the next-link watcher.
 * A type first seen in {@link FakeEhr#add} gets a read-only provider then.
 */
final class FhirEndpoint {
	static final int DEFAULT_PAGE_SIZE = 50;
	static final int MAX_PAGE_SIZE = 500;
	static final Set<String> CATEGORISED = Set.of("Observation", "Condition", "DocumentReference");
	static final Set<String> BY_PATIENT = Set.of("Coverage", "MedicationRequest", "MedicationStatement",
			"MedicationDispense", "MedicationAdministration", "AllergyIntolerance", "Procedure", "DiagnosticReport",
			"Encounter");
	private static final Set<String> ALWAYS_READABLE = Set.of("Medication", "Binary", "Practitioner", "Organization");

	private final FhirContext fhir;
	private final ChartStore store;
	private final RestfulServer server;
	private final Set<String> served = new HashSet<>();

	FhirEndpoint(FhirContext fhir, ChartStore store, boolean everything, NextLinkInterceptor nextLinks) {
		this.fhir = fhir;
		this.store = store;
		this.server = new RestfulServer(fhir);
		FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(2_000);
		paging.setDefaultPageSize(DEFAULT_PAGE_SIZE);
		paging.setMaximumPageSize(MAX_PAGE_SIZE);
		server.setPagingProvider(paging);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		server.registerInterceptor(nextLinks);
		server.registerProvider(everything ? new PatientProvider.WithEverything(store) : new PatientProvider(store));
		served.add("Patient");
		CATEGORISED.forEach(this::serve);
		BY_PATIENT.forEach(this::serve);
		ALWAYS_READABLE.forEach(this::serve);
		store.types().forEach(this::serve);
	}

	RestfulServer servlet() {
		return server;
	}

	/** Makes sure a type can at least be read. */
	synchronized void serve(String type) {
		if (!served.add(type)) {
			return;
		}
		Class<? extends IBaseResource> clazz = fhir.getResourceDefinition(type).getImplementingClass();
		if (CATEGORISED.contains(type)) {
			server.registerProvider(new CategorySearchProvider(store, clazz, type));
		} else if (BY_PATIENT.contains(type)) {
			server.registerProvider(new PatientSearchProvider(store, clazz, type));
		} else {
			server.registerProvider(new StoredTypeProvider.ReadOnly(store, clazz, type));
		}
	}
}
