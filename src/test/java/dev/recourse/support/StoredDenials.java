package dev.recourse.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import org.hl7.fhir.r4.model.ClaimResponse;

/** Stores the Da Vinci PAS denial example for a patient the test holds, ready for the case operations. */
public final class StoredDenials {
	public static final String PAS_DENIAL = "/fixtures/davinci-pas-2.2.1/ClaimResponse-RejectionResponseExample.json";

	private StoredDenials() {}

	/**
	 * The example dated today (from 2005, every filing window has long closed; a fresh notice has open ones),
	 * stored without its PAS profile and without references to resources the test does not hold.
	 */
	public static String store(IGenericClient client, FhirContext fhirContext, String patientId) throws IOException {
		ClaimResponse denial;
		try (InputStream in = StoredDenials.class.getResourceAsStream(PAS_DENIAL)) {
			denial = fhirContext.newJsonParser().parseResource(ClaimResponse.class, in);
		}
		denial.setId((String) null);
		denial.getMeta().getProfile().clear();
		denial.setRequest(null);
		denial.getInsurer().setReference(null);
		denial.getRequestor().setReference(null);
		denial.getInsurance().clear();
		denial.getPatient().setReference("Patient/" + patientId);
		denial.setCreated(new Date());
		return client.create().resource(denial).execute().getId().getIdPart();
	}
}
