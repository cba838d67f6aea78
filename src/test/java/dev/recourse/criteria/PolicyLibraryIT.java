package dev.recourse.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import dev.recourse.support.StoredDenials;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coverage-policy library over HTTP: loaded once at start-up, versioned over the API, never put back. */
class PolicyLibraryIT extends FhirIntegrationTest {
	@Autowired
	PolicyLibraryLoader loader;
	@Autowired
	PolicyVersions policies;
	@Autowired
	PolicyShelf shelf;
	@Autowired
	dev.recourse.server.LocalRepositories repositories;

	@Test
	void everyShippedPolicy_isServedOnce_byUrlAndVersion() {
		List<Questionnaire> shipped = loader.shipped();

		assertThat(shipped).hasSizeGreaterThanOrEqualTo(8);
		for (Questionnaire policy : shipped) {
			assertThat(byUrl(policy.getUrl(), policy.getVersion()).getEntry()).as(policy.getUrl()).hasSize(1);
		}
	}

	@Test
	void everyShippedPolicy_evaluatesAgainstAChart_intoAMapWithEveryCriterion() throws Exception {
		Patient patient = new Patient();
		patient.setBirthDateElement(new DateType("1968-03-14"));
		String patientId = client.create().resource(patient).execute().getId().getIdPart();
		String denialId = StoredDenials.store(client, fhirContext, patientId);
		Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();

		for (Questionnaire policy : loader.shipped()) {
			Parameters in = new Parameters();
			in.addParameter().setName("policy").setValue(new CanonicalType(policy.getUrl() + "|" + policy.getVersion()));
			QuestionnaireResponse map = client.operation().onInstance(caseTask.getIdElement().toUnqualifiedVersionless())
					.named("$map-criteria").withParameters(in).returnResourceType(QuestionnaireResponse.class).execute();

			assertThat(map.getItem()).as(policy.getUrl()).hasSize(criteria(policy.getItem()));
		}
	}

	private static int criteria(List<Questionnaire.QuestionnaireItemComponent> items) {
		int count = 0;
		for (Questionnaire.QuestionnaireItemComponent item : items) {
			count += (item.getExtensionByUrl(PolicyExtensions.CRITERION_ID) != null ? 1 : 0) + criteria(item.getItem());
		}
		return count;
	}

	@Test
	void loadingAgain_storesNothing() {
		for (Questionnaire policy : loader.shipped()) {
			assertThat(loader.storeIfAbsent(policy)).as(policy.getUrl()).isFalse();
		}
	}

	/** The policy lookups keep what they read, but a policy created, changed or deleted over the API is what the next one finds. */
	@Test
	void aPolicyWrittenOverTheApi_isWhatTheNextLookupFinds() {
		Questionnaire policy = loader.shipped().get(0).copy();
		policy.setId((String) null);
		policy.setUrl("http://recourse.dev/fhir/Questionnaire/shelf-it-" + System.nanoTime());
		String canonical = policy.getUrl();
		assertThat(shelf.fingerprint()).as("HAPI's resource table is readable on this database").isPresent();
		assertThat(policies.named(repositories.forServer(), canonical)).isEmpty();

		String id = client.create().resource(policy).execute().getId().toUnqualifiedVersionless().getValue();
		assertThat(policies.named(repositories.forServer(), canonical)).hasValueSatisfying(found -> assertThat(found.getTitle()).isEqualTo(policy.getTitle()));
		policies.named(repositories.forServer(), canonical).orElseThrow().setTitle("changed by a caller"); // the shelf hands out copies
		assertThat(policies.named(repositories.forServer(), canonical)).hasValueSatisfying(found -> assertThat(found.getTitle()).isEqualTo(policy.getTitle()));

		policy.setId(id);
		policy.setTitle("Retitled over the API");
		client.update().resource(policy).execute();
		assertThat(policies.named(repositories.forServer(), canonical)).hasValueSatisfying(found -> assertThat(found.getTitle()).isEqualTo("Retitled over the API"));

		client.delete().resourceById(new org.hl7.fhir.r4.model.IdType(id)).execute();
		assertThat(policies.named(repositories.forServer(), canonical)).isEmpty();
	}

	@Test
	void newVersionOverTheApi_livesBesideTheShippedOne_andSurvivesALoad() {
		Questionnaire shipped = loader.shipped().get(0);
		Questionnaire next = shipped.copy();
		next.setId((String) null);
		next.setVersion(shipped.getVersion() + "-rev-it");

		MethodOutcome created = client.create().resource(next).execute();
		loader.storeIfAbsent(shipped);

		assertThat(created.getCreated()).isTrue();
		assertThat(byUrl(shipped.getUrl(), null).getEntry()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(byUrl(shipped.getUrl(), next.getVersion()).getEntry()).hasSize(1);
		assertThat(byUrl(shipped.getUrl(), shipped.getVersion()).getEntry()).hasSize(1);
	}

	@Test
	void policyWithoutCriterionWording_isRefusedWith422() throws Exception {
		Questionnaire broken = loader.shipped().get(0).copy();
		broken.setId((String) null);
		broken.setVersion("broken-it");
		broken.getItemFirstRep().setText(null);

		HttpResponse<String> response = send(fhirRequest("/Questionnaire").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(broken))));

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("Questionnaire.item");
	}

	private Bundle byUrl(String url, String version) {
		String query = "Questionnaire?url=" + url + (version == null ? "" : "&version=" + version);
		return client.search().byUrl(query).returnBundle(Bundle.class).execute();
	}
}
