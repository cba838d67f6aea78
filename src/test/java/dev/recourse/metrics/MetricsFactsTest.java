package dev.recourse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.denial.CodeSystems;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** What a case Task, a submission Task and a payer answer each contribute to their row. */
class MetricsFactsTest {
	@Test
	void caseTask_andItsDenial_giveTheDimensionsAndTimes() {
		Task task = new Task().setLastModified(Date.from(Instant.ofEpochSecond(5000)));
		task.setId("case-d1");
		task.getCode().addCoding(new Coding(CaseFacts.CASE_TYPE, "recourse-case", null));
		task.setBusinessStatus(concept("case-stage", "upheld"));
		task.addExtension("http://recourse.dev/fhir/StructureDefinition/denial-category", concept("denial-category", "step-therapy"));
		task.addExtension("http://recourse.dev/fhir/StructureDefinition/pathway", concept("pathway", "internal-appeal"));
		task.getRestriction().getPeriod().setEndElement(new DateTimeType("2026-02-10"));
		ClaimResponse denial = new ClaimResponse().setCreated(Date.from(Instant.ofEpochSecond(1000)));
		denial.setInsurer(new Reference().setIdentifier(new Identifier().setSystem("urn:payer").setValue("p1")));
		denial.setRequestor(new Reference("Organization/clinic"));
		denial.addAddItem().setProductOrService(new CodeableConcept(new Coding("urn:rx", "42", null)));

		CaseFacts facts = CaseFacts.of(task, Optional.of(denial));

		assertThat(facts).isEqualTo(new CaseFacts("case-d1", "Organization/clinic", "urn:payer|p1", "step-therapy", "urn:rx|42", 1000L,
				"upheld", 5000L, "internal-appeal", LocalDate.parse("2026-02-10").toEpochDay()));
		assertThat(facts.submitted()).isTrue();
		assertThat(facts.decided()).isTrue();
		assertThat(CaseFacts.isCase(task)).isTrue();
	}

	/** A denial for medical necessity and step therapy: the case carries both categories; its row, triage's lead. */
	@Test
	void caseWithTwoCategories_isCountedUnderTheFirst() {
		Task task = new Task();
		task.setId("case-d2");
		task.getCode().addCoding(new Coding(CaseFacts.CASE_TYPE, "recourse-case", null));
		task.addExtension("http://recourse.dev/fhir/StructureDefinition/denial-category", concept("denial-category", "medical-necessity"));
		task.addExtension("http://recourse.dev/fhir/StructureDefinition/denial-category", concept("denial-category", "step-therapy"));

		assertThat(CaseFacts.of(task, Optional.empty()).category()).isEqualTo("medical-necessity");
	}

	@Test
	void submissionTask_givesItsCaseAndDecisionClock_onlyWhenItCarriesOne() {
		Task submission = new Task().addPartOf(new Reference("Task/case-d1"));
		assertThat(SubmissionClock.of(submission)).isEmpty();

		submission.addExtension(new Extension(SubmissionClock.DECISION_DUE, new DateTimeType(Date.from(Instant.ofEpochSecond(9000)))));

		assertThat(SubmissionClock.of(submission)).contains(new SubmissionClock("case-d1", 9000));
	}

	@Test
	void payerAnswer_outcomeFromItsReviewActions_expeditedAndAppealFromTheRequest() {
		ClaimResponse answer = new ClaimResponse().setCreated(Date.from(Instant.ofEpochSecond(100)));
		answer.setId("pas-abc");
		answer.addIdentifier().setSystem(RequestFacts.TRACKING_NUMBER_SYSTEM).setValue("t1");
		review(answer, "A4");
		Claim appeal = new Claim().setPriority(new CodeableConcept(new Coding("urn:priority", "normal", null)));
		appeal.addItem().addExtension(RequestFacts.CERTIFICATION_TYPE, new CodeableConcept(new Coding("urn:x12", "1", null)));

		assertThat(RequestFacts.isPayerAnswer(answer)).isTrue();
		assertThat(RequestFacts.of(answer, Optional.of(appeal), "urn:payer|p1", 200))
				.isEqualTo(new RequestFacts("pas-abc", "urn:payer|p1", 100L, true, true, 200L, Optional.empty()));
		review(answer, "A1", "A3");
		assertThat(RequestFacts.outcome(answer)).contains("partially-approved");
		review(answer, "A3", "A3");
		assertThat(RequestFacts.outcome(answer)).contains("denied");
		review(answer, "A1");
		assertThat(RequestFacts.of(answer, Optional.empty(), null, 200).expedited()).isNull();
		assertThat(RequestFacts.outcome(answer)).contains("approved");
	}

	private static void review(ClaimResponse answer, String... actions) {
		answer.getItem().clear();
		for (String action : actions) {
			Extension review = new Extension(CodeSystems.PAS_REVIEW_ACTION);
			review.addExtension(CodeSystems.PAS_REVIEW_ACTION_CODE, new CodeableConcept(new Coding(CodeSystems.X12_REVIEW_ACTION, action, null)));
			answer.addItem().addAdjudication().addExtension(review);
		}
	}

	private static CodeableConcept concept(String system, String code) {
		return new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/" + system, code, null));
	}
}
