package dev.recourse.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.support.StoredDenials;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;

/**
 * The driver's side of a pull, over HTTP through HAPI's client: a case for a new patient whom the EHR knows as
 * patient 85 (by MRN), and the timed {@code Task/[id]/$pull-history} call with what it answered. The criteria
 * benchmark opens its cases and pulls its chart with it too.
 */
final class PullCases {
	/** US Core patient 85's MRN at the fixture's hospital: how the pull finds them in the EHR. */
	static final Identifier MRN = new Identifier().setSystem("http://hospital.smarthealthit.org")
			.setValue("d831ec91-c7a3-4a61-9312-7ff0c4a32134");
	/** Patient 85's birth date in the fixture. */
	static final String BIRTH_DATE = "1940-03-29";
	private final FhirContext fhir;
	private final IGenericClient client;
	private final FakeEhr ehr;

	/**
	 * One pull as the driver saw it.
	 *
	 * @param millis the call's wall time: request sent → answer read and parsed
	 * @param counts the output's {@code count} parts, total per resource type
	 * @param ehrRequests requests the fake EHR answered during the call, token requests included
	 */
	record Pull(String caseId, double millis, Map<String, Integer> counts, int warnings, int ehrRequests) {
		int resources() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	PullCases(String fhirBase, String token, FakeEhr ehr) {
		// a context of its own: the fake EHR in this JVM uses the cached one, and these client settings are global to it
		this.fhir = FhirContext.forR4();
		fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhir.getRestfulClientFactory().setSocketTimeout(120_000);
		this.client = fhir.newRestfulGenericClient(fhirBase);
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		this.ehr = ehr;
	}

	/** A new Patient with patient 85's MRN, the PAS denial example for them, and its case (the Task's id). */
	String openCase(int n) throws IOException {
		return openCaseFor(newPatient(n));
	}

	/** A new Patient with patient 85's MRN and birth date (so age criteria can be judged); their id. */
	String newPatient(int n) {
		Patient patient = new Patient();
		patient.addIdentifier(MRN.copy());
		patient.addName().setFamily("Pullbench").addGiven("Case " + n);
		patient.setBirthDateElement(new DateType(BIRTH_DATE));
		return client.create().resource(patient).execute().getId().getIdPart();
	}

	/** The PAS denial example for the patient, and the case opened from it (the Task's id). */
	String openCaseFor(String patientId) throws IOException {
		String denialId = StoredDenials.store(client, fhir, patientId);
		Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case")
				.withNoParameters(Parameters.class).returnResourceType(Task.class).execute();
		return caseTask.getIdElement().getIdPart();
	}

	/** How many resources of the type the server holds for the patient ({@code ?patient=…&_summary=count}). */
	int countFor(String type, String patientId) {
		return client.search().forResource(type).where(new ReferenceClientParam("patient").hasId("Patient/" + patientId))
				.summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
	}

	/** {@code POST Task/{id}/$pull-history} with {@code {"resourceType":"Parameters"}}: the default Endpoint. */
	Pull pull(String caseId) {
		ehr.resetLog();
		long started = System.nanoTime();
		Parameters out = client.operation().onInstance("Task/" + caseId).named("$pull-history")
				.withParameters(new Parameters()).execute();
		double millis = (System.nanoTime() - started) / 1e6;
		return new Pull(caseId, millis, counts(out), out.getParameters("warning").size(), ehr.requests().size());
	}

	private static Map<String, Integer> counts(Parameters out) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Parameters.ParametersParameterComponent count : out.getParameters("count")) {
			String type = count.getPart().stream().filter(part -> part.getName().equals("resourceType"))
					.map(part -> part.getValue().primitiveValue()).findFirst().orElse("?");
			int total = count.getPart().stream().filter(part -> part.getName().equals("total"))
					.map(part -> Integer.parseInt(part.getValue().primitiveValue())).findFirst().orElse(0);
			counts.put(type, total);
		}
		return counts;
	}
}
