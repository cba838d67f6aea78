package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ways stock HAPI FHIR 8.8 lets a caller see past its authorization rules, each closed here: included
 * resources of other patients, chains and {@code _has} as oracles (HAPI #6065), write responses carrying
 * unreadable resources (HAPI #8253), conditional writes probing other records, and the interactions that
 * are off ({@code $everything}, type and server {@code _history}, GraphQL).
 */
class KnownGapsIT extends FhirIntegrationTest {
	private static final String A = "authz-a";

	@BeforeEach
	void loadPatients() throws Exception {
		String bundle = Files.readString(Path.of("src/test/resources/fixtures/authz/Bundle-authz-patients.json"));
		assertThat(send(fhirRequest("").header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(bundle)))
						.statusCode())
				.isEqualTo(200);
	}

	@Test
	void include_dropsOtherPatientsResources() throws Exception {
		HttpResponse<String> response = get("/Observation?patient=" + A + "&_include=Observation:has-member", patientApp());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"authz-a-panel\"").doesNotContain("\"id\":\"authz-b-lab\"");
	}

	@Test
	void revinclude_dropsOtherPatientsResources() throws Exception {
		HttpResponse<String> response = get("/Patient?_id=" + A + "&_revinclude=Observation:focus", patientApp());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"authz-a\"").doesNotContain("\"id\":\"authz-b-focus\"");
	}

	@Test
	void include_stillWorksForCallersWhoMayReadEverything() throws Exception {
		HttpResponse<String> response = get("/Observation?patient=" + A + "&_include=Observation:has-member", tokens.system("system/*.rs"));

		assertThat(response.body()).contains("\"id\":\"authz-b-lab\"");
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"/Patient?_has:Observation:patient:code=2345-7",
		"/Observation?subject.name=Bravo",
		"/Observation?patient=authz-a&subject:Patient.general-practitioner.name=Reviewer",
		"/Patient?_id=authz-a&_has:Observation:focus:subject.name=Bravo"
	})
	void chainsAndHas_areRefusedToRestrictedCallers(String search) throws Exception {
		HttpResponse<String> response = get(search, patientApp());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Chained and _has");
	}

	@Test
	void chainsAndHas_workForUnrestrictedSearchers() throws Exception {
		assertThat(get("/Patient?_has:Observation:patient:code=2345-7", tokens.system("system/*.rs")).statusCode())
				.isEqualTo(200);
	}

	@Test
	void createWithoutRead_answersWithoutTheResource() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Observation", tokens.patient(A, "patient/Observation.c"))
				.header("Content-Type", FHIR_JSON)
				.header("Prefer", "return=representation")
				.POST(HttpRequest.BodyPublishers.ofString(AuthorizationMatrixIT.observation(A))));

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).isPresent();
		assertThat(response.body()).contains("OperationOutcome").doesNotContain("\"resourceType\":\"Observation\"");
	}

	@Test
	void patchWithoutRead_answersWithoutTheResource() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Observation/authz-a-lab", tokens.patient(A, "patient/Observation.u"))
				.header("Content-Type", "application/json-patch+json")
				.header("Prefer", "return=representation")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(
						"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"amended\"}]")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("\"resourceType\":\"Observation\"");
	}

	@Test
	void conditionalCreate_byPatientApp_isRefused() throws Exception {
		HttpResponse<String> response = conditionalCreate(tokens.patient(A, "patient/Observation.crs"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Conditional writes");
	}

	@Test
	void conditionalCreate_withoutSearchScope_isRefused() throws Exception {
		assertThat(conditionalCreate(tokens.system("system/Observation.cr")).statusCode()).isEqualTo(403);
	}

	@Test
	void conditionalCreate_withUnrestrictedSearch_matchesTheExistingResource() throws Exception {
		assertThat(conditionalCreate(tokens.system("system/Observation.crs")).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = {"/Patient/authz-a/$everything", "/Patient/$everything", "/Observation/_history", "/_history", "/$graphql?query=%7BPatient%7Bid%7D%7D"})
	void disabledInteractions_areRefusedEvenToFullAccess(String path) throws Exception {
		HttpResponse<String> response = get(path, tokens.system("system/*.cruds"));

		assertThat(response.statusCode()).isIn(403, 404, 400);
		assertThat(response.body()).doesNotContain("\"resourceType\":\"Bundle\"");
	}

	@Test
	void instanceHistory_isForUnrestrictedReaders_versionsForAllReaders() throws Exception {
		assertThat(get("/Observation/authz-b-lab/_history", tokens.user("Practitioner/p1", "user/Observation.rs")).statusCode())
				.isEqualTo(200);
		assertThat(get("/Observation/authz-a-lab/_history", patientApp()).statusCode()).isEqualTo(403);
		assertThat(get("/Observation/authz-a-lab/_history/1", patientApp()).statusCode()).isEqualTo(200);
		assertThat(get("/Observation/authz-b-lab/_history/1", patientApp()).statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> conditionalCreate(String token) throws Exception {
		return send(fhirRequest("/Observation", token)
				.header("Content-Type", FHIR_JSON)
				.header("If-None-Exist", "_id=authz-b-lab")
				.POST(HttpRequest.BodyPublishers.ofString(AuthorizationMatrixIT.observation("authz-b"))));
	}

	private String patientApp() {
		return tokens.patient(A, "patient/*.rs");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return send(fhirRequest(path, token));
	}
}
