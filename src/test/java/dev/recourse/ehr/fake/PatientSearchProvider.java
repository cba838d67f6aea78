package dev.recourse.ehr.fake;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Read, and search by {@code patient} (or {@code subject}), for a clinical type without categories. */
final class PatientSearchProvider extends StoredTypeProvider {
	PatientSearchProvider(ChartStore store, Class<? extends IBaseResource> type, String typeName) {
		super(store, type, typeName);
	}

	@Search
	public IBundleProvider search(
			@OptionalParam(name = "patient") ReferenceParam patient,
			@OptionalParam(name = "subject") ReferenceParam subject) {
		return page(store.ofPatient(typeName(), patientId(patient, subject)));
	}
}
