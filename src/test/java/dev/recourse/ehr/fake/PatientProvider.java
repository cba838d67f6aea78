package dev.recourse.ehr.fake;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;

/** Patient read, and search by {@code identifier} ({@code system|value}) or {@code _id}. */
class PatientProvider extends StoredTypeProvider {
	PatientProvider(ChartStore store) {
		super(store, Patient.class, "Patient");
	}

	@Search
	public IBundleProvider search(
			@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
			@OptionalParam(name = "_id") TokenParam id) {
		if (identifier == null && id == null) {
			throw new InvalidRequestException("this EHR finds patients by identifier or _id only");
		}
		List<IBaseResource> found = store.find("Patient", resource -> matches((Patient) resource, identifier, id));
		return page(found);
	}

	private static boolean matches(Patient patient, TokenParam identifier, TokenParam id) {
		boolean idMatches = id == null || id.getValue().equals(patient.getIdElement().getIdPart());
		boolean identifierMatches = identifier == null
				|| ChartStore.hasIdentifier(patient, identifier.getSystem(), identifier.getValue());
		return idMatches && identifierMatches;
	}

	/** The same, with {@code Patient/{id}/$everything}: the patient and every resource that references it. */
	static final class WithEverything extends PatientProvider {
		WithEverything(ChartStore store) {
			super(store);
		}

		@Operation(name = "$everything", idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
		public IBundleProvider everything(
				@IdParam IdType patientId, @OperationParam(name = "_count") IntegerType count) {
			List<IBaseResource> found = store.everything(patientId.getIdPart());
			if (found.isEmpty()) {
				throw new ResourceNotFoundException(patientId);
			}
			return page(found);
		}
	}
}
