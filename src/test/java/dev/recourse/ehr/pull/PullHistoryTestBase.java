package dev.recourse.ehr.pull;

import ca.uhn.fhir.rest.api.Constants;
import dev.recourse.ehr.fake.FakeEhr;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.StoredDenials;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;

/** What the {@code $pull-history} tests share: a case for a patient the EHRs know, the call, and reading its answer. */
abstract class PullHistoryTestBase extends FhirIntegrationTest {
	/** US Core patient 85 (Synthea-derived, Inferno reference data): its MRN at the fixture's hospital. */
	static final Identifier PATIENT_85_MRN = new Identifier().setSystem("http://hospital.smarthealthit.org")
			.setValue("d831ec91-c7a3-4a61-9312-7ff0c4a32134");
	static final String EHR_PATIENT_85 = "85";

	@AfterEach
	void calmEhrs() {
		for (FakeEhr ehr : List.of(EHRS.searchOnly(), EHRS.everything())) {
			ehr.clearFaults();
			ehr.resetLog();
		}
	}

	record PulledCase(String patientId, String caseId) {
	}

	/** A new Patient of ours with the identifier, a denial for them and its case. */
	PulledCase openCase(Identifier identifier) throws Exception {
		Patient patient = new Patient();
		patient.addIdentifier(identifier.copy());
		patient.addName().setFamily("Pulled").addGiven("Test");
		String patientId = client.create().resource(patient).execute().getId().getIdPart();
		String denialId = StoredDenials.store(client, fhirContext, patientId);
		Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		return new PulledCase(patientId, caseTask.getIdElement().getIdPart());
	}

	Parameters pull(String caseId, String endpoint) {
		return client.operation().onInstance("Task/" + caseId).named("$pull-history").withParameters(input(endpoint)).execute();
	}

	HttpResponse<String> postPull(String caseId, String endpoint, String token) throws Exception {
		return send(fhirRequest("/Task/" + caseId + "/$pull-history", token)
				.header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(input(endpoint)))));
	}

	private static Parameters input(String endpoint) {
		Parameters in = new Parameters();
		if (endpoint != null) {
			in.addParameter().setName("endpoint").setValue(new Reference(endpoint));
		}
		return in;
	}

	static Map<String, Integer> counts(Parameters result) {
		return result.getParameters("count").stream().collect(Collectors.toMap(
				count -> count.getPart().get(0).getValue().primitiveValue(),
				count -> Integer.parseInt(count.getPart().get(1).getValue().primitiveValue())));
	}

	/** Per type, how many of the pulled resources were already stored as they are. */
	static Map<String, Integer> unchanged(Parameters result) {
		return result.getParameters("count").stream().collect(Collectors.toMap(
				count -> count.getPart().get(0).getValue().primitiveValue(),
				count -> count.getPart().stream().filter(part -> part.getName().equals("unchanged")).findFirst()
						.map(part -> Integer.parseInt(part.getValue().primitiveValue())).orElseThrow()));
	}

	/** Warning messages by the resource type they are about. */
	static Map<String, String> warnings(Parameters result) {
		Map<String, String> byType = new java.util.LinkedHashMap<>();
		for (Parameters.ParametersParameterComponent warning : result.getParameters("warning")) {
			warning.getPart().stream().filter(part -> part.getName().equals("resourceType")).findFirst()
					.ifPresent(type -> byType.put(type.getValue().primitiveValue(), message(warning)));
		}
		return byType;
	}

	static String message(Parameters.ParametersParameterComponent warning) {
		return warning.getPart().stream().filter(part -> part.getName().equals("message"))
				.map(part -> ((StringType) part.getValue()).getValue()).findFirst().orElse("");
	}

	/** LOINC codes the shipped policies query Observations by (LDL, BMI, eosinophils…): what a pull asks the EHR for. */
	static final Set<String> POLICY_OBSERVATION_CODES = Set.of("13457-7", "18262-6", "2089-1", "39156-5", "711-2", "19926-5", "20152-5");

	/** How many of the EHR's Observations a policy queries: the pull stores these and leaves the rest at the EHR. */
	static int policyObservations(List<IBaseResource> observations) {
		return (int) observations.stream().map(Observation.class::cast)
				.filter(observation -> observation.getCode().getCoding().stream()
						.anyMatch(coding -> "http://loinc.org".equals(coding.getSystem()) && POLICY_OBSERVATION_CODES.contains(coding.getCode())))
				.count();
	}
}
