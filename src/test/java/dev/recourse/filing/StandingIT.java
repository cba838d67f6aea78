package dev.recourse.filing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code Task/[id]/$standing} over HTTP: the level a case stands at and the pathways open from there — a final internal
 * denial opens external review with the state's deadline, an initial denial opens the appeal and not the review, a
 * payer's missed decision clock raises the case to deemed exhaustion — and 404 for an unknown case, 422 for a Task that
 * is not one.
 */
class StandingIT extends FhirIntegrationTest {
	private static final LocalDate NOTICE = LocalDate.now().withDayOfMonth(1);

	@Test
	void finalInternalDenial_opensExternalReview_withTheStatesDeadline_andNoMoreInternalAppeal() throws Exception {
		FilingCases.Filed filed = FilingCases.open(fhirContext, client, NOTICE, "aca-individual", "final-internal",
				patient -> patient.addAddress().setState("NY"), coverage -> { });

		Parameters standing = standing(filed.caseId());

		assertThat(standing.getParameter("level").getValue().primitiveValue()).isEqualTo("final-internal");
		assertThat(standing.getParameter("standing").getValue().primitiveValue()).contains("marked by its decision-level extension");
		assertThat(((Reference) standing.getParameter("decision").getValue()).getReference()).isEqualTo("ClaimResponse/" + filed.plan().denialId());
		assertThat(eligible(standing, "external-review")).contains(true);
		// state-external-review-filing: four months after receipt
		assertThat(deadline(standing, "external-review")).contains(NOTICE.plusMonths(4).toString());
		assertThat(eligible(standing, "internal-appeal")).isNotEqualTo(Optional.of(true));
		assertThat(eligible(standing, "regulator-complaint")).contains(true);
		// $open-case triaged the marked denial at its level too: the case's next step is no first-level pathway
		org.hl7.fhir.r4.model.Task caseTask = client.read().resource(org.hl7.fhir.r4.model.Task.class).withId(filed.caseId()).execute();
		String nextStep = ((org.hl7.fhir.r4.model.CodeableConcept) caseTask.getExtensionByUrl(
				dev.recourse.casework.CaseNextStep.PATHWAY_EXTENSION).getValue()).getCodingFirstRep().getCode();
		assertThat(nextStep).isNotIn("peer-to-peer", "internal-appeal");
		assertThat(eligible(standing, nextStep)).contains(true);
	}

	@Test
	void initialDenial_opensTheAppeal_notTheReview() throws Exception {
		FilingCases.Filed filed = FilingCases.open(fhirContext, client, NOTICE, "aca-individual", null,
				patient -> patient.addAddress().setState("NY"), coverage -> { });

		Parameters standing = standing(filed.caseId());

		assertThat(standing.getParameter("level").getValue().primitiveValue()).isEqualTo("initial");
		assertThat(eligible(standing, "internal-appeal")).contains(true);
		assertThat(eligible(standing, "peer-to-peer")).contains(true);
		assertThat(eligible(standing, "external-review")).isNotEqualTo(Optional.of(true));
	}

	@Test
	void aPayerThatMissedItsClock_raisesTheCaseToDeemedExhaustion_externalReviewOpens() throws Exception {
		FilingCases.Filed filed = FilingCases.open(fhirContext, client, NOTICE, "aca-individual", null,
				patient -> patient.addAddress().setState("NY"), coverage -> { });
		Task caseTask = client.read().resource(Task.class).withId(filed.caseId()).execute();
		Instant received = Instant.now().minus(Duration.ofDays(40));
		caseTask.addExtension(new MissedClock("Task/submission-" + UUID.randomUUID(), "internal-appeal", received,
				received.plus(Duration.ofDays(30)), "45 CFR 147.136(b)(3)(ii)(E)", Optional.empty(), Optional.empty()).toExtension());
		client.update().resource(caseTask).execute();

		Parameters standing = standing(filed.caseId());

		assertThat(standing.getParameter("level").getValue().primitiveValue()).isEqualTo("final-internal");
		assertThat(standing.getParameter("standing").getValue().primitiveValue()).contains("the payer missed its decision clock")
				.contains("45 CFR 147.136(b)(3)(ii)(E)");
		assertThat(eligible(standing, "external-review")).contains(true);
	}

	@Test
	void unknownCase_is404_aTaskThatIsNoCase_is422NamingTaskCode() throws Exception {
		HttpResponse<String> unknown = post("/Task/no-such-case-" + UUID.randomUUID() + "/$standing");
		Task other = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
		String otherId = client.create().resource(other).execute().getId().getIdPart();
		HttpResponse<String> notACase = post("/Task/" + otherId + "/$standing");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(notACase.statusCode()).as(notACase.body()).isEqualTo(422);
		assertThat(refusedElement(notACase)).isEqualTo("Task.code");
	}

	private Parameters standing(String caseId) throws Exception {
		HttpResponse<String> response = post("/Task/" + caseId + "/$standing");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return send(fhirRequest(path).header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));
	}

	private static Optional<Parameters.ParametersParameterComponent> pathway(Parameters standing, String code) {
		return standing.getParameters("pathway").stream()
				.filter(p -> p.getPart().stream().anyMatch(part -> part.getName().equals("code") && code.equals(((org.hl7.fhir.r4.model.Coding) part.getValue()).getCode())))
				.findFirst();
	}

	private static Optional<Boolean> eligible(Parameters standing, String code) {
		return pathway(standing, code).flatMap(p -> p.getPart().stream().filter(part -> part.getName().equals("eligible")).findFirst())
				.map(part -> Boolean.valueOf(part.getValue().primitiveValue()));
	}

	private static Optional<String> deadline(Parameters standing, String code) {
		return pathway(standing, code).flatMap(p -> p.getPart().stream().filter(part -> part.getName().equals("filingDeadline")).findFirst())
				.map(part -> part.getValue().primitiveValue());
	}
}
