package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.Constants;
import dev.recourse.filing.MissedClock;
import dev.recourse.filing.PlanState;
import dev.recourse.submission.fake.FakePayer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payer that pends and never decides: the provider submits an appeal of an individual-market New York plan's denial
 * to the payer Recourse instance over real HTTP; the pended answer starts the decision clock (submission-decision-due:
 * 30 days, 29 CFR 2560.503-1(i)(2)); past it, the sweep records the miss on the case once, the case moves to external
 * review (deemed exhaustion), and the regulator complaint — addressed to New York's DFS — cites the request, its receipt,
 * its due time and the rule, in the PDF.
 */
class MissedDecisionClockIT extends RecoursePayerSteps {
	private static final String PLAN_REGIME = "http://recourse.dev/fhir/StructureDefinition/plan-regime";
	private static final DateTimeFormatter LETTER_TIME = DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm xxx", Locale.US);
	@Autowired
	MissedDecisionSweep sweep;
	@Autowired
	PayerSubscriptionSchedule subscriptions;

	@Test
	void payerPendsAndNeverDecides_theMissIsRecordedOnce_andTheComplaintCitesIt() throws Exception {
		individualPlanInNewYork();
		Task caseTask = readyCaseAtRecoursePayer(denial -> denial.setCreatedElement(new DateTimeType(new Date())));
		Bundle packet = assemble(caseTask);

		HttpResponse<String> pended = submit(caseTask);

		assertThat(pended.statusCode()).as(pended.body()).isEqualTo(200);
		ClaimResponse answer = claimResponse(parse(pended));
		assertThat(FakePayer.reviewActions(answer)).isNotEmpty().containsOnly("A4");
		Task submission = submissionOf(packet);
		Instant received = answer.getCreated().toInstant();
		// erisa-appeal-decision (pre-service): 30 calendar days after the payer's receipt, to the end of the last day
		Instant due = received.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30).atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
		assertThat(SubmissionTask.decisionDue(submission)).contains(due);
		assertThat(submission.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/submission-decision-due")).isNotNull();
		assertThat(SubmissionTask.decisionClock(submission)).hasValueSatisfying(rule -> assertThat(rule).startsWith("29 CFR 2560.503-1(i)(2)"));

		assertThat(sweep.sweep(due)).as("not missed at the due time itself").isZero();
		assertThat(sweep.sweep(due.plusSeconds(1))).isEqualTo(1);
		assertThat(sweep.sweep(due.plusSeconds(60))).as("recorded once").isZero();

		Task stood = reread(caseTask);
		assertThat(MissedClock.on(stood)).singleElement().satisfies(missed -> {
			assertThat(missed.submission()).isEqualTo("Task/" + submission.getIdElement().getIdPart());
			assertThat(missed.due()).isEqualTo(due);
			assertThat(missed.received()).isEqualTo(received.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
			assertThat(missed.consequenceCitation()).contains("29 CFR 2560.503-1(l)(2)(i); 45 CFR 147.136(b)(2)(ii)(F); 29 CFR 2590.715-2719(b)(2)(ii)(F)");
		});
		assertThat(((CodeableConcept) stood.getExtensionByUrl("http://recourse.dev/fhir/StructureDefinition/pathway").getValue())
				.getCodingFirstRep().getCode()).as("deemed exhausted: external review is next").isEqualTo("external-review");
		assertThat(stood.getNote()).anySatisfy(note -> assertThat(note.getText()).contains("was due " + due).contains("deemed exhausted"));
		assertThat(claimResponsesAtPayer(packet)).isEqualTo(1);

		DocumentReference complaint = draft(caseTask, "regulator-complaint");
		// compared without white space: the PDF breaks long words and references across lines
		assertThat(squeezed(pdfText(complaint))).contains(squeezed("Complaint about a health plan's handling of a claim"),
				squeezed("New York State Department of Financial Services, Consumer Assistance Unit"), squeezed("One Commerce Plaza"),
				squeezed("Decision deadlines the plan missed"),
				squeezed(LETTER_TIME.format(received.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC))),
				squeezed(LETTER_TIME.format(due.atOffset(ZoneOffset.UTC))),
				squeezed("29 CFR 2560.503-1(i)(2): pre-service appeal decided within 30 days"),
				squeezed("deemed exhausted"), squeezed("29 CFR 2560.503-1(l)(2)(i)"),
				squeezed("The request the plan did not decide in time and its acknowledgment of receipt (Task/" + submission.getIdElement().getIdPart() + ")"));

		DocumentReference review = draft(caseTask, "external-review");
		assertThat(squeezed(pdfText(review))).contains(squeezed("Request for external review"),
				squeezed("New York State Department of Financial Services, External Appeal"), squeezed("the payer missed its decision clock"));
	}

	@Test
	void aDecisionBeforeTheDueTime_stopsTheClock_nothingIsRecorded() throws Exception {
		NOTICE_PROXY.forwardTo(serverRoot());
		eventually("the provider's Subscription at the payer instance", () -> {
			subscriptions.ensureAll();
			return client.read().resource(Task.class).withId("payer-subscription-" + dev.recourse.support.TestPayers.RECOURSE_PAYER_ENDPOINT)
					.execute().getStatus() == Task.TaskStatus.COMPLETED;
		});
		individualPlanInNewYork();
		Task caseTask = readyCaseAtRecoursePayer(denial -> denial.setCreatedElement(new DateTimeType(new Date())));
		Bundle packet = assemble(caseTask);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
		assertThat(SubmissionTask.decisionDue(submissionOf(packet))).isPresent();

		HttpResponse<String> decided = decide(claimIdAtPayer(packet), "A3", "Not medically necessary.");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		eventually("the provider's case upheld by the notified decision", () -> "upheld".equals(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()));

		assertThat(sweep.sweep(Instant.now().plus(java.time.Duration.ofDays(200)))).isZero();
		assertThat(MissedClock.on(reread(caseTask))).isEmpty();
	}

	/** The example's Coverage (stored again before each test) as an individual-market plan issued in New York. */
	private void individualPlanInNewYork() {
		Coverage plan = client.read().resource(Coverage.class).withId("RecoursePayerInsurance").execute();
		plan.addExtension(PLAN_REGIME, new CodeableConcept(new Coding("http://recourse.dev/fhir/CodeSystem/plan-regime", "aca-individual", null)));
		plan.addExtension(PlanState.EXTENSION, new CodeType("NY"));
		client.update().resource(plan).execute();
	}

	private DocumentReference draft(Task caseTask, String pathway) throws Exception {
		Parameters in = new Parameters();
		in.addParameter().setName("pathway").setValue(new CodeType(pathway));
		HttpResponse<String> response = send(fhirRequest("/Task/" + caseTask.getIdElement().getIdPart() + "/$draft-letter")
				.header("Content-Type", Constants.CT_FHIR_JSON_NEW)
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(in))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(DocumentReference.class, response.body());
	}

	private static String squeezed(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String pdfText(DocumentReference letter) throws Exception {
		byte[] pdf = letter.getContent().stream().filter(content -> "application/pdf".equals(content.getAttachment().getContentType()))
				.findFirst().orElseThrow().getAttachment().getData();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}
