package dev.recourse.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.Constants;
import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.StoredDenials;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code $map-criteria} over HTTP with a test policy added over the API (so: no restart needed): a chart that
 * meets every criterion, one that fails one, one that lacks the data for one, and a specialist's override.
 */
class MapCriteriaIT extends FhirIntegrationTest {
	static final String POLICY = "http://recourse.dev/fhir/Questionnaire/it-ra-step|1";

	@BeforeEach
	void policyOnServer() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/fixtures/criteria/Questionnaire-it-ra-step.json")) {
			client.create().resource(fhirContext.newJsonParser().parseResource(Questionnaire.class, in))
					.conditionalByUrl("Questionnaire?url=http://recourse.dev/fhir/Questionnaire/it-ra-step&version=1").execute();
		}
	}

	@Test
	void chartMeetingEveryCriterion_isMetWithEvidence_andLinkedFromTheCase() throws Exception {
		Chart chart = chart("1970-04-02", true, methotrexate("2024-01-10", "2024-06-30", "stopped-inefficacy"));

		QuestionnaireResponse map = map(chart.caseId());

		assertThat(status(map, "age")).isEqualTo("met");
		assertThat(status(map, "ra")).isEqualTo("met");
		assertThat(status(map, "methotrexate-trial")).isEqualTo("met");
		assertThat(evidence(map, "ra")).containsExactly(chart.condition());
		assertThat(evidence(map, "methotrexate-trial")).containsExactly(chart.episode());
		assertThat(evidence(map, "age")).containsExactly("Patient/" + chart.patientId());
		assertThat(map.getMeta().getProfile()).extracting(CanonicalType::getValue).contains(CriteriaMapWriter.PROFILE);
		Task caseTask = client.read().resource(Task.class).withId(chart.caseId()).execute();
		assertThat(caseTask.getOutput()).anyMatch(output -> ("QuestionnaireResponse/" + map.getIdElement().getIdPart())
				.equals(((Reference) output.getValue()).getReference()));
	}

	/** The case, the chart and the earlier map are read inside the operation: one event names the patient, none of its own. */
	@Test
	void aMap_isAuditedAsOneEvent_namingThePatient_theCaseReadIncluded() throws Exception {
		Chart chart = chart("1970-04-02", true, methotrexate("2024-01-10", "2024-06-30", "stopped-inefficacy"));
		java.util.Date start = new java.util.Date();
		String requestId = "map-audit-" + System.nanoTime();
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(POLICY));

		HttpResponse<String> response = send(fhirRequest("/Task/" + chart.caseId() + "/$map-criteria").header("X-Request-ID", requestId)
				.header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<org.hl7.fhir.r4.model.AuditEvent> events = client.search().forResource(org.hl7.fhir.r4.model.AuditEvent.class)
				.where(new ca.uhn.fhir.rest.gclient.DateClientParam("_lastUpdated").afterOrEquals().millis(start)).count(50)
				.returnBundle(Bundle.class).execute().getEntry().stream()
				.map(entry -> (org.hl7.fhir.r4.model.AuditEvent) entry.getResource())
				.filter(event -> event.getEntity().stream().anyMatch(entity -> requestId.equals(entity.getWhat().getIdentifier().getValue())))
				.toList();
		List<org.hl7.fhir.r4.model.AuditEvent> operations = events.stream()
				.filter(event -> event.getSubtype().stream().anyMatch(subtype -> "$map-criteria".equals(subtype.getCode()))).toList();
		assertThat(operations).hasSize(1);
		org.hl7.fhir.r4.model.AuditEvent operation = operations.get(0);
		assertThat(operation.getEntity()).anyMatch(entity -> entity.getWhat().getReference() != null
				&& entity.getWhat().getReference().endsWith("Patient/" + chart.patientId()));
		assertThat(events).noneMatch(event -> event.getSubtype().stream().anyMatch(subtype -> "read".equals(subtype.getCode())));
	}

	@Test
	void reevaluation_ofAnUnchangedChart_writesNoNewVersion_butAChangeDoes() throws Exception {
		Chart chart = chart("1970-04-02", true, methotrexate("2024-01-10", "2024-02-09", "stopped-inefficacy"));
		QuestionnaireResponse first = map(chart.caseId());

		QuestionnaireResponse again = map(chart.caseId());
		MedicationStatement longer = client.read().resource(MedicationStatement.class).withId(chart.episode()).execute();
		longer.setEffective(new Period().setStartElement(new DateTimeType("2024-01-10")).setEndElement(new DateTimeType("2024-06-30")));
		client.update().resource(longer).execute();
		QuestionnaireResponse changed = map(chart.caseId());

		assertThat(again.getMeta().getVersionId()).isEqualTo(first.getMeta().getVersionId());
		assertThat(status(changed, "methotrexate-trial")).isEqualTo("met");
		assertThat(changed.getMeta().getVersionId()).isNotEqualTo(first.getMeta().getVersionId());
	}

	@Test
	void tooShortATrial_isNotMet_withTheGapToClose() throws Exception {
		Chart chart = chart("1970-04-02", true, methotrexate("2024-01-10", "2024-02-09", "stopped-inefficacy"));

		QuestionnaireResponse map = map(chart.caseId());

		assertThat(status(map, "methotrexate-trial")).isEqualTo("not-met");
		assertThat(item(map, "methotrexate-trial").getExtensionByUrl(PolicyExtensions.CRITERION_GAP)).isNotNull();
		assertThat(status(map, "ra")).isEqualTo("met");
	}

	@Test
	void noTherapyRecords_isUnknown_notFailed() throws Exception {
		Chart chart = chart("1970-04-02", true, null);

		QuestionnaireResponse map = map(chart.caseId());

		assertThat(status(map, "methotrexate-trial")).isEqualTo("unknown");
		assertThat(item(map, "methotrexate-trial").getAnswer()).isEmpty();
		assertThat(status(map, "age")).isEqualTo("met");
	}

	@Test
	void specialistsOverride_survivesReevaluation() throws Exception {
		Chart chart = chart("1970-04-02", true, null);
		QuestionnaireResponse first = map(chart.caseId());
		QuestionnaireResponse.QuestionnaireResponseItemComponent item = item(first, "methotrexate-trial");
		item.getExtension().removeIf(extension -> extension.getUrl().equals(PolicyExtensions.CRITERION_STATUS));
		QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer().setValue(new BooleanType(true));
		Extension origin = answer.addExtension().setUrl(PolicyExtensions.INFORMATION_ORIGIN);
		origin.addExtension("source", new CodeType("override"));
		origin.addExtension().setUrl("author").addExtension("practitioner", new Reference().setDisplay("Dr. Test Rheumatologist"));
		answer.addExtension(PolicyExtensions.CRITERION_STATUS, new CodeableConcept(new Coding(PolicyExtensions.CRITERION_STATUSES, "met", "Met")));
		client.update().resource(first).execute();

		QuestionnaireResponse again = map(chart.caseId());

		assertThat(again.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
		assertThat(status(again, "methotrexate-trial")).isEqualTo("met");
		assertThat(CriteriaMapWriter.answeredByPerson(item(again, "methotrexate-trial"))).isTrue();
	}

	@Test
	void withoutPolicy_theDenialsPayerDrugAndDiagnosisChooseIt() throws Exception {
		Chart chart = chart("1970-04-02", true, null);
		Task caseTask = client.read().resource(Task.class).withId(chart.caseId()).execute();
		ClaimResponse denial = client.read().resource(ClaimResponse.class).withUrl(caseTask.getFocus().getReference()).execute();
		denial.getInsurer().setIdentifier(new Identifier().setSystem("http://recourse.dev/fhir/sid/test-payer").setValue("it-plan"));
		denial.addAddItem().getProductOrService().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("327361");
		client.update().resource(denial).execute();

		QuestionnaireResponse map = client.operation().onInstance("Task/" + chart.caseId()).named("$map-criteria")
				.withNoParameters(Parameters.class).returnResourceType(QuestionnaireResponse.class).execute();

		assertThat(map.getQuestionnaire()).isEqualTo(POLICY);
	}

	/**
	 * A payer's revision beside the version it replaces counts as one policy, its newest version: with the test policy
	 * also applying, the 422 lists the two policies, the revised one by its version 2 only.
	 */
	@Test
	void withoutPolicy_twoVersionsOfOnePolicy_countAsItsNewest() throws Exception {
		String url = "http://recourse.dev/fhir/Questionnaire/it-ra-step-revised-" + java.util.UUID.randomUUID();
		for (String version : new String[] {"1", "2"}) {
			try (InputStream in = getClass().getResourceAsStream("/fixtures/criteria/Questionnaire-it-ra-step.json")) {
				Questionnaire policy = fhirContext.newJsonParser().parseResource(Questionnaire.class, in);
				policy.setId((String) null);
				policy.setUrl(url).setVersion(version).setDateElement(new org.hl7.fhir.r4.model.DateTimeType("2026-0" + version + "-01"));
				client.create().resource(policy).execute();
			}
		}
		Chart chart = chart("1970-04-02", true, null);
		Task caseTask = client.read().resource(Task.class).withId(chart.caseId()).execute();
		ClaimResponse denial = client.read().resource(ClaimResponse.class).withUrl(caseTask.getFocus().getReference()).execute();
		denial.getInsurer().setIdentifier(new Identifier().setSystem("http://recourse.dev/fhir/sid/test-payer").setValue("it-plan"));
		denial.addAddItem().getProductOrService().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("327361");
		client.update().resource(denial).execute();

		HttpResponse<String> response = post(chart.caseId(), null);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("2 coverage policies apply", POLICY, url + "|2").doesNotContain(url + "|1");
	}

	@Test
	void withoutPolicy_whenNoneAppliesToTheDeniedRequest_is422() throws Exception {
		Chart chart = chart("1970-04-02", false, null);

		HttpResponse<String> response = post(chart.caseId(), null);

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("policy");
	}

	@Test
	void unknownPolicy_is422() throws Exception {
		Chart chart = chart("1970-04-02", false, null);

		assertThat(post(chart.caseId(), "http://recourse.dev/fhir/Questionnaire/no-such-policy").statusCode()).isEqualTo(422);
	}

	// --- the chart

	record Chart(String patientId, String caseId, String condition, String episode) {
	}

	private Chart chart(String birthDate, boolean rheumatoidArthritis, MedicationStatement episode) throws Exception {
		Patient patient = new Patient();
		patient.setBirthDateElement(new DateType(birthDate));
		String patientId = client.create().resource(patient).execute().getId().getIdPart();
		String condition = null;
		if (rheumatoidArthritis) {
			Condition ra = new Condition();
			ra.setSubject(new Reference("Patient/" + patientId));
			ra.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("M06.9").setDisplay("Rheumatoid arthritis, unspecified");
			condition = "Condition/" + client.create().resource(ra).execute().getId().getIdPart();
		}
		String episodeId = null;
		if (episode != null) {
			episode.setSubject(new Reference("Patient/" + patientId));
			episodeId = "MedicationStatement/" + client.create().resource(episode).execute().getId().getIdPart();
		}
		String denialId = StoredDenials.store(client, fhirContext, patientId);
		Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
				.returnResourceType(Task.class).execute();
		return new Chart(patientId, caseTask.getIdElement().getIdPart(), condition, episodeId);
	}

	private static MedicationStatement methotrexate(String start, String end, String outcome) {
		MedicationStatement statement = new MedicationStatement();
		statement.setStatus(MedicationStatement.MedicationStatementStatus.STOPPED);
		statement.setCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "prior-therapy-episode", null)));
		statement.getMedicationCodeableConcept().addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("6851").setDisplay("methotrexate");
		statement.setEffective(new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
		statement.addStatusReason().addCoding().setSystem("http://recourse.dev/fhir/CodeSystem/therapy-outcome").setCode(outcome);
		return statement;
	}

	// --- the call and its answer

	private QuestionnaireResponse map(String caseId) {
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(POLICY));
		return client.operation().onInstance("Task/" + caseId).named("$map-criteria").withParameters(in)
				.returnResourceType(QuestionnaireResponse.class).execute();
	}

	private HttpResponse<String> post(String caseId, String policy) throws Exception {
		Parameters in = new Parameters();
		if (policy != null) {
			in.addParameter().setName("policy").setValue(new CanonicalType(policy));
		}
		return send(fhirRequest("/Task/" + caseId + "/$map-criteria").header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
	}

	private static QuestionnaireResponse.QuestionnaireResponseItemComponent item(QuestionnaireResponse map, String linkId) {
		return map.getItem().stream().filter(item -> item.getLinkId().equals(linkId)).findFirst().orElseThrow();
	}

	private static String status(QuestionnaireResponse map, String linkId) {
		QuestionnaireResponse.QuestionnaireResponseItemComponent item = item(map, linkId);
		Extension status = item.hasAnswer() ? item.getAnswerFirstRep().getExtensionByUrl(PolicyExtensions.CRITERION_STATUS)
				: item.getExtensionByUrl(PolicyExtensions.CRITERION_STATUS);
		return ((CodeableConcept) status.getValue()).getCodingFirstRep().getCode();
	}

	private static List<String> evidence(QuestionnaireResponse map, String linkId) {
		return item(map, linkId).getAnswerFirstRep().getExtensionsByUrl(PolicyExtensions.EVIDENCE).stream()
				.map(extension -> ((Reference) extension.getValue()).getReference()).toList();
	}
}
