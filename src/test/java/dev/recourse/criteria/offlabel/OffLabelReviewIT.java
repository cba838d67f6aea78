package dev.recourse.criteria.offlabel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import dev.recourse.support.StoredDenials;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * The off-label review on a criteria map, over HTTP: the guide's off-label ocrelizumab situation (relapsing MS
 * documented, the patient 16 — the label is for adults), what a compendium listing on file changes, an adult
 * whose use is labelled, and the map validating against RecourseCriteriaMap.
 */
class OffLabelReviewIT extends FhirIntegrationTest {
	private static final String RMS_POLICY = "http://recourse.dev/fhir/Questionnaire/evicore-ocrelizumab-rms|2026.11-transcribed";
	private static final String EVIDENCE_TYPES = "http://recourse.dev/fhir/CodeSystem/evidence-type";

	@Test
	void minorWithRelapsingMs_isOffLabelByAge_andAsksForACompendiumListing() {
		Case chart = chart(LocalDate.now().minusYears(16));

		Extension review = review(map(chart));

		assertThat(code(review, "labelStatus")).isEqualTo("not-met");
		assertThat(strings(review, "finding")).anyMatch(finding -> finding.contains("G35.A") && finding.contains("18 years")
				&& finding.contains("the patient is 16 years old"));
		assertThat(references(review, "evidence")).containsExactlyInAnyOrder(chart.condition(), chart.patient());
		assertThat(code(review, "compendiaStatus")).isEqualTo("unknown");
		assertThat(strings(review, "gap")).anyMatch(gap -> gap.contains("compendium") && gap.contains("drugdex"));
		assertThat(strings(review, "labelledIndication")).hasSize(2);
	}

	@Test
	void supportiveDrugdexListingOnFile_makesTheCompendiaCriterionMet_withTheListingAsEvidence() {
		Case chart = chart(LocalDate.now().minusYears(16));
		String listing = listing(chart.patient(), "drugdex-class-iia");

		Extension review = review(map(chart));

		assertThat(code(review, "labelStatus")).isEqualTo("not-met");
		assertThat(code(review, "compendiaStatus")).isEqualTo("met");
		assertThat(references(review, "compendiaEvidence")).containsExactly(listing);
		assertThat(strings(review, "gap")).isEmpty();
	}

	@Test
	void listingRatingTheUseAgainst_isNotMet() {
		Case chart = chart(LocalDate.now().minusYears(16));
		String listing = listing(chart.patient(), "drugdex-class-iii");

		Extension review = review(map(chart));

		assertThat(code(review, "compendiaStatus")).isEqualTo("not-met");
		assertThat(references(review, "compendiaEvidence")).containsExactly(listing);
	}

	@Test
	void adultWithRelapsingMs_isLabelled_andNeedsNoCompendia() {
		Case chart = chart(LocalDate.now().minusYears(40));

		Extension review = review(map(chart));

		assertThat(code(review, "labelStatus")).isEqualTo("met");
		assertThat(review.getExtensionByUrl("compendiaStatus")).isNull();
		assertThat(references(review, "evidence")).containsExactlyInAnyOrder(chart.condition(), chart.patient());
	}

	@Test
	void mapWithOffLabelReview_validatesAgainstRecourseCriteriaMap() throws Exception {
		Case chart = chart(LocalDate.now().minusYears(16));
		listing(chart.patient(), "drugdex-class-iia");
		QuestionnaireResponse map = map(chart);

		var response = send(fhirRequest("/QuestionnaireResponse/$validate?profile=http://recourse.dev/fhir/StructureDefinition/recourse-criteria-map")
				.header("Content-Type", FHIR_JSON)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(map))));

		OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, response.body());
		assertThat(outcome.getIssue()).as(response.body())
				.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
	}

	// --- the chart: the third-party PAS denial for a patient with relapsing-remitting MS (FY2026 G35.A)

	record Case(String patient, String condition, String caseId) {
	}

	private Case chart(LocalDate born) {
		Patient patient = new Patient();
		patient.addName().setFamily("Okafor").addGiven("Maya");
		patient.setBirthDateElement(new DateType(born.toString()));
		String patientId = client.create().resource(patient).execute().getId().getIdPart();
		Condition ms = new Condition();
		ms.setSubject(new Reference("Patient/" + patientId));
		ms.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
		ms.getCode().addCoding().setSystem("http://hl7.org/fhir/sid/icd-10-cm").setCode("G35.A").setDisplay("Relapsing-remitting multiple sclerosis");
		String conditionId = client.create().resource(ms).execute().getId().getIdPart();
		try {
			String denialId = StoredDenials.store(client, fhirContext, patientId);
			Task caseTask = client.operation().onInstance("ClaimResponse/" + denialId).named("$open-case").withNoParameters(Parameters.class)
					.returnResourceType(Task.class).execute();
			return new Case("Patient/" + patientId, "Condition/" + conditionId, caseTask.getIdElement().getIdPart());
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A compendium-listing evidence document (RecourseEvidence) with its rating. */
	private String listing(String patient, String rating) {
		DocumentReference listing = new DocumentReference();
		listing.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
		listing.setSubject(new Reference(patient));
		listing.addCategory(new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/artifact-type", "evidence", null)));
		listing.addCategory(new CodeableConcept(new Coding(EVIDENCE_TYPES, "compendium-listing", "Compendium listing")));
		listing.getType().addCoding().setSystem("http://loinc.org").setCode("55107-7").setDisplay("Addendum Document");
		listing.addExtension("http://recourse.dev/fhir/StructureDefinition/compendium-rating",
				new Coding("http://recourse.dev/fhir/CodeSystem/compendium-rating", rating, null));
		listing.addContent().getAttachment().setContentType("text/plain").setTitle("DrugDex: ocrelizumab, pediatric relapsing MS")
				.setData("DrugDex listing excerpt".getBytes(StandardCharsets.UTF_8));
		return "DocumentReference/" + client.create().resource(listing).execute().getId().getIdPart();
	}

	private QuestionnaireResponse map(Case chart) {
		Parameters in = new Parameters();
		in.addParameter().setName("policy").setValue(new CanonicalType(RMS_POLICY));
		return client.operation().onInstance("Task/" + chart.caseId()).named("$map-criteria").withParameters(in)
				.returnResourceType(QuestionnaireResponse.class).execute();
	}

	private static Extension review(QuestionnaireResponse map) {
		Extension review = map.getExtensionByUrl(OffLabelReview.URL);
		assertThat(review).as("off-label-review on the map").isNotNull();
		return review;
	}

	private static String code(Extension review, String part) {
		return ((CodeableConcept) review.getExtensionByUrl(part).getValue()).getCodingFirstRep().getCode();
	}

	private static List<String> strings(Extension review, String part) {
		return review.getExtensionsByUrl(part).stream().map(extension -> extension.getValue().primitiveValue()).toList();
	}

	private static List<String> references(Extension review, String part) {
		return review.getExtensionsByUrl(part).stream().map(extension -> ((Reference) extension.getValue()).getReference()).toList();
	}
}
