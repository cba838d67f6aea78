package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.filing.MissedClock;
import dev.recourse.filing.PlanState;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payer's decision clock and the missed-clock record follow the Coverage the case recorded at {@code $open-case}
 * ({@code Task.insurance}), as the letter and the packet do, not whichever Coverage of the patient a later look-up
 * finds: the case is opened on an individual-market New York plan (ERISA claims rules, 30 days, deemed exhaustion →
 * external review); after it, a pull stores the EHR's record of a Medicaid managed-care plan for the same patient
 * (42 CFR 438.408: a different clock citation, a missed clock → State fair hearing). Each test has a patient and plan
 * of its own, so what other tests store for the example's patient cannot decide which plan a look-up finds.
 */
class CaseCoverageClockIT extends RecoursePayerSteps {
	private static final String PLAN_REGIME = "http://recourse.dev/fhir/StructureDefinition/plan-regime";
	private static final String ERISA_CLOCK = "29 CFR 2560.503-1(i)(2)";
	private static final String DEEMED_EXHAUSTION = "29 CFR 2560.503-1(l)(2)(i)";
	private static final String MEDICAID_RULES = "438.408";
	private final String key = "clk-" + UUID.randomUUID().toString().substring(0, 8);
	@Autowired
	MissedDecisionSweep sweep;

	@Override
	Map<String, String> ownIds() {
		Map<String, String> ids = new HashMap<>(super.ownIds());
		ids.put("SubscriberExample", key + "-patient");
		ids.put("InsuranceExample", key + "-plan");
		ids.put("ReferralAuthorizationExample", key + "-referral");
		return ids;
	}

	@BeforeEach
	void individualPlanInNewYork() {
		Coverage plan = client.read().resource(Coverage.class).withId(key + "-plan").execute();
		plan.addExtension(PLAN_REGIME, regime("aca-individual"));
		plan.addExtension(PlanState.EXTENSION, new CodeType("NY"));
		client.update().resource(plan).execute();
	}

	@Test
	void thePlanEndsAndAPullBringsAMedicaidPlan_theClockAndTheMissStayWithTheCasesPlan() throws Exception {
		Task caseTask = readyCase(denialDatedToday());
		assertThat(recordedCoverage(caseTask)).isEqualTo("Coverage/" + key + "-plan");
		Bundle packet = assemble(caseTask);
		// the individual plan ends after the denial; the patient's only active Coverage is now the Medicaid plan
		Coverage plan = client.read().resource(Coverage.class).withId(key + "-plan").execute();
		client.update().resource(plan.setStatus(Coverage.CoverageStatus.CANCELLED)).execute();
		ehrMedicaidPlanPulled();

		assertClockAndMissFollowTheIndividualPlan(caseTask, packet);
	}

	@Test
	void theDenialNamesTheEhrsCoveragePulledAfterOpening_theClockAndTheMissStayWithTheCasesPlan() throws Exception {
		ClaimResponse denial = denialDatedToday();
		// the EHR's id of the plan, not on file when the case is opened: the case records the patient's active Coverage
		denial.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + key + "-ehr-plan"));
		Task caseTask = readyCase(denial);
		assertThat(recordedCoverage(caseTask)).isEqualTo("Coverage/" + key + "-plan");
		Bundle packet = assemble(caseTask);
		ehrMedicaidPlanPulled();

		assertClockAndMissFollowTheIndividualPlan(caseTask, packet);
	}

	private void assertClockAndMissFollowTheIndividualPlan(Task caseTask, Bundle packet) throws Exception {
		HttpResponse<String> pended = submit(caseTask);
		assertThat(pended.statusCode()).as(pended.body()).isEqualTo(200);
		Instant received = claimResponse(parse(pended)).getCreated().toInstant();
		Task submission = submissionOf(packet);
		// erisa-appeal-decision (pre-service), as 45 CFR 147.136(b) applies it to individual plans: 30 days from receipt
		Instant due = received.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30).atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
		assertThat(SubmissionTask.decisionDue(submission)).contains(due);
		assertThat(SubmissionTask.decisionClock(submission)).hasValueSatisfying(rule ->
				assertThat(rule).startsWith(ERISA_CLOCK).doesNotContain(MEDICAID_RULES));

		sweep.sweep(due.plusSeconds(1));

		Task stood = reread(caseTask);
		assertThat(MissedClock.on(stood)).singleElement().satisfies(missed -> {
			assertThat(missed.submission()).isEqualTo("Task/" + submission.getIdElement().getIdPart());
			assertThat(missed.received()).isEqualTo(received.truncatedTo(ChronoUnit.SECONDS));
			assertThat(missed.regulation()).startsWith(ERISA_CLOCK);
			assertThat(missed.consequenceCitation()).hasValueSatisfying(citation ->
					assertThat(citation).contains(DEEMED_EXHAUSTION).doesNotContain(MEDICAID_RULES));
		});
		assertThat(((CodeableConcept) stood.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/pathway").getValue())
				.getCodingFirstRep().getCode()).as("deemed exhausted under the individual plan: external review, not a fair hearing")
				.isEqualTo("external-review");
		assertThat(recordedCoverage(stood)).isEqualTo("Coverage/" + key + "-plan");
	}

	/** The EHR's record of a Medicaid managed-care plan for the same patient, stored (active) by a pull. */
	private void ehrMedicaidPlanPulled() {
		Coverage medicaid = new Coverage();
		medicaid.setId(key + "-ehr-plan");
		medicaid.setStatus(Coverage.CoverageStatus.ACTIVE);
		medicaid.setBeneficiary(new Reference("Patient/" + key + "-patient"));
		medicaid.addPayor().setDisplay("Medicaid managed care plan");
		medicaid.addExtension(PLAN_REGIME, regime("medicaid-managed-care"));
		medicaid.addExtension(PlanState.EXTENSION, new CodeType("NY"));
		client.update().resource(medicaid).execute();
	}

	private ClaimResponse denialDatedToday() throws Exception {
		ClaimResponse denial = ownDenial();
		denial.setCreated(new Date());
		return denial;
	}

	private static String recordedCoverage(Task caseTask) {
		return caseTask.getInsuranceFirstRep().getReference();
	}

	private static CodeableConcept regime(String code) {
		return new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/plan-regime", code, null));
	}
}
