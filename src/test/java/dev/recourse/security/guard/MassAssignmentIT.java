package dev.recourse.security.guard;

import dev.recourse.support.StoredDenials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP with real tokens: SMART apps acting for a patient or a user may not set or change security
 * labels and tags, nor choose ids; backend services may; writes an operation makes are the operation's.
 */
class MassAssignmentIT extends FhirIntegrationTest {
	private static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
	private static final String WORKFLOW = "http://recourse.dev/fhir/CodeSystem/workflow";

	private String patientId;
	private String patientApp;
	private String userApp;

	@BeforeEach
	void patientAndApps() {
		Patient patient = new Patient();
		patient.addName().setFamily("Labels" + System.nanoTime());
		patientId = client.create().resource(patient).execute().getId().getIdPart();
		patientApp = tokens.patient(patientId, "patient/*.cruds");
		userApp = tokens.user("Practitioner/specialist-1", "user/*.cruds");
	}

	@Test
	void patientAppCreatingWithoutLabels_is201() throws Exception {
		assertThat(write("POST", "/Observation", observation(), patientApp).statusCode()).isEqualTo(201);
	}

	@Test
	void patientAppCreatingWithASecurityLabel_is403NamingMetaSecurity() throws Exception {
		String marker = "labelled-" + System.nanoTime();
		Observation labelled = observation(marker);
		labelled.getMeta().addSecurity(new Coding(CONFIDENTIALITY, "N", null));

		assertForbidden(write("POST", "/Observation", labelled, patientApp), "Observation.meta.security");
		assertThat(client.search().byUrl("Observation?code=" + marker).returnBundle(Bundle.class).execute().getTotal())
				.isZero();
	}

	@Test
	void userAppCreatingWithATag_is403NamingMetaTag() throws Exception {
		Observation tagged = observation();
		tagged.getMeta().addTag(new Coding(WORKFLOW, "urgent", null));

		assertForbidden(write("POST", "/Observation", tagged, userApp), "Observation.meta.tag");
	}

	@Test
	void backendServiceCreatingWithLabels_is201() throws Exception {
		assertThat(write("POST", "/Observation", labelled(), adminToken).statusCode()).isEqualTo(201);
	}

	@Test
	void appSendingTheStoredLabelsBack_is200() throws Exception {
		Observation stored = storedLabelled();
		stored.setStatus(Observation.ObservationStatus.AMENDED);

		assertThat(write("PUT", "/Observation/" + stored.getIdPart(), stored, userApp).statusCode()).isEqualTo(200);
	}

	/** HAPI 8.8 merges labels on update: leaving them out keeps them, so it is no change and is allowed. */
	@Test
	void appLeavingTheStoredLabelsOut_is200AndTheLabelsStay() throws Exception {
		Observation stored = storedLabelled();
		stored.getMeta().getSecurity().clear();
		stored.getMeta().getTag().clear();

		assertThat(write("PUT", "/Observation/" + stored.getIdPart(), stored, patientApp).statusCode()).isEqualTo(200);
		Observation after = client.read().resource(Observation.class).withId(stored.getIdPart()).execute();
		assertThat(after.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
		assertThat(after.getMeta().getTag()).extracting(Coding::getCode).containsExactly("urgent");
	}

	@Test
	void appAddingATagOnUpdate_is403() throws Exception {
		Observation stored = storedLabelled();
		stored.getMeta().addTag(new Coding(WORKFLOW, "escalated", null));

		assertForbidden(write("PUT", "/Observation/" + stored.getIdPart(), stored, userApp), "Observation.meta.tag");
	}

	@Test
	void appLoweringTheConfidentialityOnUpdate_is403() throws Exception {
		Observation stored = storedLabelled();
		stored.getMeta().getSecurity().clear();
		stored.getMeta().addSecurity(new Coding(CONFIDENTIALITY, "N", null));

		assertForbidden(write("PUT", "/Observation/" + stored.getIdPart(), stored, patientApp), "Observation.meta.security");
	}

	@Test
	void appDroppingALabelInSnapshotMode_is403AndTheLabelStays() throws Exception {
		Observation stored = storedLabelled();
		stored.getMeta().getSecurity().clear();

		HttpResponse<String> response = send(fhirRequest("/Observation/" + stored.getIdPart(), userApp)
				.header("Content-Type", FHIR_JSON)
				.header("X-Meta-Snapshot-Mode", "SECURITY_LABEL")
				.PUT(HttpRequest.BodyPublishers.ofString(json(stored))));

		assertForbidden(response, "Observation.meta.security");
		Observation after = client.read().resource(Observation.class).withId(stored.getIdPart()).execute();
		assertThat(after.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
	}

	@Test
	void appPatchingATagIn_is403() throws Exception {
		Observation stored = storedLabelled();
		String patch = "[{\"op\":\"add\",\"path\":\"/meta/tag/-\",\"value\":{\"system\":\"" + WORKFLOW + "\",\"code\":\"escalated\"}}]";

		HttpResponse<String> response = send(fhirRequest("/Observation/" + stored.getIdPart(), userApp)
				.header("Content-Type", "application/json-patch+json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString(patch)));

		assertForbidden(response, "Observation.meta.tag");
	}

	@Test
	void backendServiceChangingLabels_is200() throws Exception {
		Observation stored = storedLabelled();
		stored.getMeta().addTag(new Coding(WORKFLOW, "escalated", null));

		assertThat(write("PUT", "/Observation/" + stored.getIdPart(), stored, adminToken).statusCode()).isEqualTo(200);
	}

	@Test
	void appPuttingToANewId_is403NamingIdAndCreatesNothing() throws Exception {
		String id = "chosen-" + System.nanoTime();
		Observation chosen = observation();
		chosen.setId(id);

		assertForbidden(write("PUT", "/Observation/" + id, chosen, patientApp), "Observation.id");
		assertThat(send(fhirRequest("/Observation/" + id).GET()).statusCode()).isEqualTo(404);
	}

	@Test
	void backendServicePuttingToANewId_is201() throws Exception {
		String id = "chosen-" + System.nanoTime();
		Observation chosen = labelled();
		chosen.setId(id);

		assertThat(write("PUT", "/Observation/" + id, chosen, adminToken).statusCode()).isEqualTo(201);
	}

	@Test
	void appTransactionPuttingToANewId_is403AndStoresNothing() throws Exception {
		String marker = "in-bundle-" + System.nanoTime();
		String id = "chosen-" + System.nanoTime();
		Observation chosen = observation(marker);
		chosen.setId(id);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(observation(marker)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		transaction.addEntry().setResource(chosen).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Observation/" + id);

		assertForbidden(write("POST", "", transaction, userApp), "Observation.id");
		assertThat(client.search().byUrl("Observation?code=" + marker).returnBundle(Bundle.class).execute().getTotal())
				.isZero();
	}

	@Test
	void appTransactionWithATaggedEntry_is403() throws Exception {
		Observation tagged = observation();
		tagged.getMeta().addTag(new Coding(WORKFLOW, "urgent", null));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(tagged).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		assertForbidden(write("POST", "", transaction, patientApp), "Observation.meta.tag");
	}

	@Test
	void appCallingMetaAdd_is403() throws Exception {
		Observation stored = storedLabelled();
		String parameters = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\",\"valueMeta\":{\"tag\":["
				+ "{\"system\":\"" + WORKFLOW + "\",\"code\":\"escalated\"}]}}]}";

		HttpResponse<String> response = send(fhirRequest("/Observation/" + stored.getIdPart() + "/$meta-add", userApp)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(parameters)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		Observation after = client.read().resource(Observation.class).withId(stored.getIdPart()).execute();
		assertThat(after.getMeta().getTag()).extracting(Coding::getCode).containsExactly("urgent");
	}

	/** {@code $open-case} stores {@code Task/case-<denial>}: an id the server chose, so an app may call it. */
	@Test
	void appOpeningACase_isNotChoosingAnId() throws Exception {
		String denialId = storeDenial();

		HttpResponse<String> response = send(fhirRequest("/ClaimResponse/" + denialId + "/$open-case", userApp)
				.header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"id\":\"case-" + denialId + "\"");
	}

	private Observation observation() {
		return observation("guard-" + System.nanoTime());
	}

	private Observation observation(String code) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem("http://recourse.dev/test").setCode(code);
		observation.getSubject().setReference("Patient/" + patientId);
		return observation;
	}

	private Observation labelled() {
		Observation observation = observation();
		observation.getMeta().addSecurity(new Coding(CONFIDENTIALITY, "R", null));
		observation.getMeta().addTag(new Coding(WORKFLOW, "urgent", null));
		return observation;
	}

	/** A labelled Observation stored by the backend service and read back as an app would read it. */
	private Observation storedLabelled() {
		String id = client.create().resource(labelled()).execute().getId().getIdPart();
		return client.read().resource(Observation.class).withId(id).execute();
	}

	private String storeDenial() throws Exception {
		return StoredDenials.store(client, fhirContext, patientId);
	}

	private HttpResponse<String> write(String method, String path, IBaseResource resource, String token) throws Exception {
		return send(fhirRequest(path, token)
				.header("Content-Type", FHIR_JSON)
				.method(method, HttpRequest.BodyPublishers.ofString(json(resource))));
	}

	private void assertForbidden(HttpResponse<String> response, String element) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly(element);
		assertThat(response.body()).contains("forbidden");
	}

	private String json(IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}
}
