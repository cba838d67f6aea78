package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import dev.recourse.conformance.ConformanceValidator;
import dev.recourse.support.FhirIntegrationTest;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payer side's tests' shared steps: PAS clients (each test its own OAuth client, so its submissions are its
 * own), the calls over HTTP, the fixtures, and checks of what comes back.
 */
abstract class PasCalls extends FhirIntegrationTest {
	static final String PAS_FIXTURES = PasFixtures.PAS_FIXTURES;
	static final String REFERRAL = PasFixtures.REFERRAL;
	static final String INQUIRY = PasFixtures.INQUIRY;
	/** Types a received PAS request is stored as; counted before and after to show nothing new is written. */
	static final List<String> STORED_TYPES = List.of("Bundle", "Claim", "ClaimResponse", "Patient", "Organization", "Coverage",
			"Practitioner", "PractitionerRole", "ServiceRequest", "Location", "DocumentReference", "Encounter", "Provenance",
			"QuestionnaireResponse", "MedicationRequest", "Condition");

	@Autowired
	ConformanceValidator validator;

	/** A PAS client's token: a backend service of its own, allowed to submit and inquire. */
	String pasClient() {
		String client = "pas-client-" + UUID.randomUUID();
		return tokens.jwt(claims -> claims.putAll(Map.of("client_id", client, "sub", client,
				"scope", "system/Claim.c system/ClaimResponse.s")));
	}

	Bundle pasExample(String file) throws Exception {
		return read(Bundle.class, PAS_FIXTURES + file);
	}

	<T extends IBaseResource> T read(Class<T> type, String classpath) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(classpath)) {
			return fhirContext.newJsonParser().parseResource(type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	HttpResponse<String> submit(String token, IBaseResource body) throws Exception {
		return post("/Claim/$submit", token, body);
	}

	HttpResponse<String> inquire(String token, IBaseResource body) throws Exception {
		return post("/Claim/$inquire", token, body);
	}

	HttpResponse<String> post(String path, String token, IBaseResource body) throws Exception {
		return send(fhirRequest(path, token).header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(json(body))));
	}

	/** The answer of a call that must succeed, as a Bundle. */
	Bundle answer(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	Parameters parameters(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
	}

	static Parameters wrapped(Bundle bundle) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("resource").setResource(bundle);
		return parameters;
	}

	String json(IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	/** Errors of the resource against the profile, as "location: message". */
	List<String> errors(IBaseResource resource, String profile) {
		return validator.validate(resource, profile).stream()
				.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
				.map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
	}

	List<String> expressions(HttpResponse<String> response) {
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		return outcome.getIssue().stream().flatMap(issue -> issue.getExpression().stream()).map(e -> e.getValue()).toList();
	}

	/** How many resources of each stored type there are. */
	Map<String, Integer> counts() throws Exception {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String type : STORED_TYPES) {
			Bundle found = client.search().byUrl(type + "?_summary=count").returnBundle(Bundle.class).execute();
			counts.put(type, found.getTotal());
		}
		return counts;
	}
}
