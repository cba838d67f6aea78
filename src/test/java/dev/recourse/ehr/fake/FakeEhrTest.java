package dev.recourse.ehr.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake EHR over real HTTP, as {@code $pull-history} will meet it. */
class FakeEhrTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final String PATIENT_85 = "85";
	private static final String ALEJANDRO = "829bb06a-42b9-433d-a8f6-560727c63da9";

	private static FakeEhr ehr;
	private IGenericClient client;

	@BeforeAll
	static void start() {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		ehr = FakeEhr.builder().allFixtures().everything(true).defaultClient().start();
		ehr.addCopies(ALEJANDRO, "Observation", 1_000);
	}

	@AfterAll
	static void stop() {
		ehr.close();
	}

	@BeforeEach
	void signIn() throws Exception {
		client = clientWithToken(requestToken(ClientKeys.signing(ClientKeys.RS384)));
	}

	@AfterEach
	void clear() {
		ehr.clearFaults();
	}

	@Test
	void metadata_listsPatientEverything_onlyWhenOffered() {
		assertThat(patientOperations(client)).contains("everything");
		try (FakeEhr plain = FakeEhr.builder().bundle(FakeEhrOptions.DTR_PAT015).start()) {
			IGenericClient open = FHIR.newRestfulGenericClient(plain.baseUrl());
			assertThat(patientOperations(open)).doesNotContain("everything");
			assertThat(open.read().resource(Patient.class).withId("pat015").execute().getIdElement().getIdPart())
					.isEqualTo("pat015");
		}
	}

	@Test
	void searchByPatient_followsNextLinksToTheEnd() {
		Bundle page = client.search().forResource(Observation.class)
				.where(Observation.PATIENT.hasId(PATIENT_85)).count(10).returnBundle(Bundle.class).execute();
		int expected = ehr.resourcesOf(PATIENT_85, "Observation").size();
		assertThat(page.getTotal()).isEqualTo(expected).isGreaterThan(10);
		List<String> ids = collectIds(page);
		assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
		assertThat(ehr.requestCount("Observation")).isGreaterThanOrEqualTo((expected + 9) / 10);
	}

	@Test
	void searchByPatient_growsPastAThousandWithCopies_andHonoursMaximumPageSize() {
		Bundle page = client.search().byUrl("Observation?subject=Patient/" + ALEJANDRO + "&_count=900")
				.returnBundle(Bundle.class).execute();
		assertThat(page.getTotal()).isGreaterThanOrEqualTo(1_044);
		assertThat(page.getEntry()).hasSize(FhirEndpoint.MAX_PAGE_SIZE);
		assertThat(page.getLink(Bundle.LINK_NEXT).getUrl()).startsWith(ehr.baseUrl() + "?_getpages=");
		assertThat(collectIds(page)).hasSize(page.getTotal());
	}

	@Test
	void search_byCategory_coverageByBeneficiary_andIdentifier() {
		Bundle labs = client.search().byUrl("Observation?patient=" + PATIENT_85
				+ "&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory,nothing")
				.returnBundle(Bundle.class).execute();
		assertThat(labs.getTotal()).isPositive().isLessThan(ehr.resourcesOf(PATIENT_85, "Observation").size());
		Bundle coverage = client.search().forResource(Coverage.class).where(Coverage.PATIENT.hasId(PATIENT_85))
				.returnBundle(Bundle.class).execute();
		assertThat(coverage.getTotal()).isEqualTo(1);
		Bundle patients = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode("http://hl7.org/fhir/sid/us-ssn", "999-47-5768"))
				.returnBundle(Bundle.class).execute();
		assertThat(patients.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(PATIENT_85);
		assertThat(ehr.patientIdByIdentifier("http://hl7.org/fhir/sid/us-ssn", "999-47-5768")).contains(PATIENT_85);
		Bundle byId = client.search().byUrl("Patient?_id=pat015").returnBundle(Bundle.class).execute();
		assertThat(byId.getTotal()).isEqualTo(1);
	}

	@Test
	void read_referencesRewrittenFromUuids_andTestMadeResources() throws Exception {
		Observation observation = (Observation) ehr.resourcesOf(PATIENT_85, "Observation").get(0);
		Observation read = client.read().resource(Observation.class).withId(observation.getIdElement().getIdPart()).execute();
		assertThat(read.getSubject().getReference()).isEqualTo("Patient/85");
		Binary binary = new Binary().setContentType("text/plain").setData("note".getBytes(StandardCharsets.UTF_8));
		binary.setId("note-1");
		ehr.add(binary);
		assertThat(client.read().resource(Binary.class).withId("note-1").execute().getContentType()).isEqualTo("text/plain");
		HttpResponse<String> noAccept = HTTP.send(HttpRequest.newBuilder(URI.create(ehr.baseUrl() + "/Binary/note-1"))
				.header("Authorization", "Bearer " + ehr.issueToken()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(noAccept.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
		assertThat(noAccept.body()).contains("\"resourceType\":\"Binary\"");
		Basic basic = new Basic();
		basic.setId("type-first-seen-in-add");
		ehr.add(basic);
		assertThat(client.read().resource(Basic.class).withId("type-first-seen-in-add").execute()).isNotNull();
		Medication medication = client.read().resource(Medication.class).withId("58f7a300-f288-6094-a82f-e1e64086902b").execute();
		assertThat(medication.getCode().getText()).contains("Furosemide");
	}

	@Test
	void everything_isPagedAndHoldsThePatientAndAllThatPointsAtIt() {
		Bundle page = client.operation().onInstance("Patient/" + PATIENT_85).named("$everything")
				.withParameters(new Parameters()).useHttpGet().returnResourceType(Bundle.class).execute();
		int expected = ehr.everythingOf(PATIENT_85).size();
		assertThat(page.getTotal()).isEqualTo(expected);
		assertThat(page.getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
		assertThat(collectIds(page)).hasSize(expected);
		Bundle hundred = client.search().byUrl(ehr.baseUrl() + "/Patient/" + PATIENT_85 + "/$everything?_count=100").returnBundle(Bundle.class).execute();
		assertThat(hundred.getEntry()).hasSize(100);
		assertThat(hundred.getLink(Bundle.LINK_NEXT).getUrl()).startsWith(ehr.baseUrl() + "?_getpages=");
	}

	@Test
	void add_testMadeMedicationStatement_isFoundBySearch() {
		MedicationStatement statement = new MedicationStatement();
		statement.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
		statement.setSubject(new Reference("Patient/pat015"));
		String id = ehr.add(statement).get(0);
		Bundle found = client.search().byUrl("MedicationStatement?patient=Patient/pat015").returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.containsExactly(id);
	}

	@Test
	void withoutToken_401WithBearerChallenge_butMetadataAndDiscoveryOpen() throws Exception {
		HttpResponse<String> denied = get(ehr.baseUrl() + "/Patient/" + PATIENT_85, null);
		assertThat(denied.statusCode()).isEqualTo(401);
		assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(denied.body()).contains("OperationOutcome");
		assertThat(get(ehr.baseUrl() + "/metadata", null).statusCode()).isEqualTo(200);
		JsonNode smart = JSON.readTree(get(ehr.smartConfigurationUrl(), null).body());
		assertThat(smart.get("token_endpoint").asText()).isEqualTo(ehr.tokenUrl());
		assertThat(smart.get("token_endpoint_auth_signing_alg_values_supported").toString()).contains("RS384", "ES384");
	}

	@Test
	void tokenEndpoint_acceptsEs384_refusesStrangerReusedJtiWrongAudAndLongExp() throws Exception {
		assertThat(postToken(assertion().signWith(ClientKeys.signing(ClientKeys.ES384))).statusCode()).isEqualTo(200);
		assertInvalidClient(assertion().signWith(ClientKeys.stranger()));
		ClientAssertion once = assertion();
		assertThat(postToken(once.signWith(ClientKeys.signing(ClientKeys.RS384))).statusCode()).isEqualTo(200);
		assertInvalidClient(once.signWith(ClientKeys.signing(ClientKeys.RS384)));
		assertInvalidClient(new ClientAssertion(FakeEhrOptions.CLIENT_ID, ehr.baseUrl(), "aud-" + Instant.now(),
				Instant.now().plusSeconds(60)).signWith(ClientKeys.signing(ClientKeys.RS384)));
		assertInvalidClient(assertion().withExpires(Instant.now().plusSeconds(3600)).signWith(ClientKeys.signing(ClientKeys.RS384)));
		ehr.failNext("token", 1, 503);
		assertThat(postToken(assertion().signWith(ClientKeys.signing(ClientKeys.RS384))).statusCode()).isEqualTo(503);
		assertThat(ehr.requestCount("token")).isEqualTo(ehr.tokenRequests() + 1);
	}

	@Test
	void expireIssuedTokens_makesTheNextRequest401_untilANewToken() throws Exception {
		int before = ehr.tokenRequests();
		ehr.expireIssuedTokens();
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId(PATIENT_85).execute())
				.isInstanceOf(AuthenticationException.class);
		IGenericClient renewed = clientWithToken(requestToken(ClientKeys.signing(ClientKeys.RS384)));
		assertThat(renewed.read().resource(Patient.class).withId(PATIENT_85).execute()).isNotNull();
		assertThat(ehr.tokenRequests()).isEqualTo(before + 1);
	}

	@Test
	void faults_failThrottleMalformedAlways_thenServeAgain() throws Exception {
		ehr.failNext("Condition", 1, 503).throttleNext("Condition", 1, 7).malformedNext("Condition", 1);
		String url = ehr.baseUrl() + "/Condition?patient=" + PATIENT_85;
		String token = ehr.issueToken();
		HttpResponse<String> failed = get(url, token);
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.body()).contains("OperationOutcome");
		HttpResponse<String> throttled = get(url, token);
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
		HttpResponse<String> malformed = get(url, token);
		assertThat(malformed.statusCode()).isEqualTo(200);
		assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
		assertThatThrownBy(() -> JSON.readTree(malformed.body())).isInstanceOf(Exception.class);
		assertThat(get(url, token).statusCode()).isEqualTo(200);
		ehr.alwaysFail("Condition", 500);
		assertThat(get(url, token).statusCode()).isEqualTo(500);
		assertThat(get(url, token).statusCode()).isEqualTo(500);
		assertThat(get(ehr.baseUrl() + "/Procedure?patient=" + PATIENT_85, token).statusCode()).isEqualTo(200);
		ehr.clearFaults();
		assertThat(get(url, token).statusCode()).isEqualTo(200);
	}

	@Test
	void faults_reachTheLaterPagesOfASearch() {
		Bundle first = client.search().byUrl("Encounter?patient=" + PATIENT_85 + "&_count=20").returnBundle(Bundle.class).execute();
		ehr.failNext("Encounter", 1, 502);
		assertThatThrownBy(() -> client.loadPage().next(first).execute())
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(502));
		assertThat(client.loadPage().next(first).execute().getEntry()).hasSize(20);
	}

	@Test
	void faults_delayAndForeignNextLink() {
		ehr.delayNext("DocumentReference", 1, Duration.ofMillis(300));
		long started = System.nanoTime();
		client.search().byUrl("DocumentReference?patient=" + PATIENT_85).returnBundle(Bundle.class).execute();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		String foreign = "http://203.0.113.9/fhir?_getpages=x";
		ehr.foreignNextLink("DocumentReference", foreign);
		Bundle page = client.search().byUrl("DocumentReference?patient=" + PATIENT_85 + "&_count=5").returnBundle(Bundle.class).execute();
		assertThat(page.getLink(Bundle.LINK_NEXT).getUrl()).isEqualTo(foreign);
		assertThat(page.getEntry()).hasSize(5);
		assertThat(page.getLink(Bundle.LINK_SELF).getUrl()).startsWith(ehr.baseUrl());
	}

	@Test
	void requestLog_recordsEachRequestWithItsStatus() throws InterruptedException {
		ehr.resetLog();
		ehr.failNext("AllergyIntolerance", 1, 500);
		assertThatThrownBy(() -> client.search().byUrl("AllergyIntolerance?patient=pat015").returnBundle(Bundle.class).execute())
				.isInstanceOf(BaseServerResponseException.class);
		client.search().byUrl("AllergyIntolerance?patient=pat015").returnBundle(Bundle.class).execute();
		// the log takes a request once its answer is out, which can be just after the client has read it; and
		// another test's delayed request may land in the log after its reset: look at this test's type only
		List<RequestRecord> allergies = allergyRequests();
		for (int wait = 0; allergies.size() < 2 && wait < 50; wait++) {
			Thread.sleep(20);
			allergies = allergyRequests();
		}
		assertThat(allergies).extracting(RequestRecord::status).containsExactly(500, 200);
		assertThat(allergies.get(0).pathAndQuery()).isEqualTo("/fhir/AllergyIntolerance?patient=pat015");
		assertThat(ehr.requestCount("AllergyIntolerance")).isEqualTo(2);
	}

	// --- helpers

	private List<String> collectIds(Bundle page) {
		List<String> ids = new ArrayList<>();
		Bundle current = page;
		while (true) {
			current.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().toUnqualifiedVersionless().getValue()));
			if (current.getLink(Bundle.LINK_NEXT) == null) {
				return ids;
			}
			assertThat(current.getLink(Bundle.LINK_NEXT).getUrl()).startsWith(ehr.baseUrl());
			current = client.loadPage().next(current).execute();
		}
	}

	private static List<String> patientOperations(IGenericClient client) {
		CapabilityStatement metadata = client.capabilities().ofType(CapabilityStatement.class).execute();
		return metadata.getRestFirstRep().getResource().stream()
				.filter(r -> r.getType().equals("Patient"))
				.flatMap(r -> r.getOperation().stream())
				.map(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getName)
				.toList();
	}

	private static IGenericClient clientWithToken(String token) {
		IGenericClient client = FHIR.newRestfulGenericClient(ehr.baseUrl());
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	private static ClientAssertion assertion() {
		return ClientAssertion.fresh(FakeEhrOptions.CLIENT_ID, ehr.tokenUrl());
	}

	private static String requestToken(com.nimbusds.jose.jwk.JWK key) throws Exception {
		HttpResponse<String> response = postToken(assertion().signWith(key));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("token_type").asText()).isEqualTo("bearer");
		assertThat(body.get("expires_in").asInt()).isEqualTo(300);
		return body.get("access_token").asText();
	}

	private static void assertInvalidClient(String signedAssertion) throws Exception {
		HttpResponse<String> response = postToken(signedAssertion);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("invalid_client");
	}

	private static HttpResponse<String> postToken(String signedAssertion) throws Exception {
		String form = "grant_type=client_credentials&scope=" + URLEncoder.encode("system/Patient.rs", StandardCharsets.UTF_8)
				+ "&client_assertion_type=" + URLEncoder.encode(BackendServicesAuth.JWT_BEARER, StandardCharsets.UTF_8)
				+ "&client_assertion=" + signedAssertion;
		HttpRequest request = HttpRequest.newBuilder(URI.create(ehr.tokenUrl()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<RequestRecord> allergyRequests() {
		return ehr.requests().stream().filter(request -> "AllergyIntolerance".equals(request.resourceType())).toList();
	}
}
