package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.submission.fake.FakePayer;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code Task/[id]/$submit} from the shared server (the provider) to a second Recourse instance (the payer, on a
 * PostgreSQL database of its own) over real HTTP, through a fault proxy, with SMART Backend Services tokens from the
 * test issuer: pended, then decided by the payer's reviewer, and the decision is what the provider's inquiry finds;
 * repeated, refused, lost answers — each time the payer instance has filed the packet exactly once.
 */
class RoundTripIT extends RecoursePayerSteps {
	@Autowired
	OutboxDrainer drainer;

	@Test
	void submit_isPendedByThePayer_decidedThere_andThePayersInquiryAnswersWithTheDecision() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);

		HttpResponse<String> pended = submit(caseTask);

		assertThat(pended.statusCode()).as(pended.body()).isEqualTo(200);
		ClaimResponse answer = claimResponse(parse(pended));
		assertThat(FakePayer.reviewActions(answer)).isNotEmpty().containsOnly("A4");
		assertThat(answer.getPreAuthRef()).startsWith("PA-");
		assertThat(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
		assertThat(claimsAtPayer(packet)).isEqualTo(1);
		assertThat(claimResponsesAtPayer(packet)).isEqualTo(1);

		HttpResponse<String> decided = decide(claimIdAtPayer(packet), "A1");

		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		ClaimResponse decision = fhirContext.newJsonParser().parseResource(ClaimResponse.class, decided.body());
		assertThat(FakePayer.reviewActions(decision)).isNotEmpty().containsOnly("A1");
		// what the provider asks the payer (its own inquiry Bundle, its own client): the decision, under the same tracking number
		ClaimResponse inquired = claimResponse(inquiryAnswer(packet));
		assertThat(FakePayer.reviewActions(inquired)).isNotEmpty().containsOnly("A1");
		assertThat(inquired.getPreAuthRef()).isEqualTo(answer.getPreAuthRef());
		assertThat(claimResponsesAtPayer(packet)).isEqualTo(1);
	}

	@Test
	void repeatedSubmit_isAnsweredFromTheProvidersRecord_thePayerFiledItOnce() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);

		HttpResponse<String> first = submit(caseTask);
		HttpResponse<String> second = submit(caseTask);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(parse(second).getIdentifier().getValue()).isEqualTo(parse(first).getIdentifier().getValue());
		assertThat(submitsForwarded()).isEqualTo(1);
		assertThat(claimsAtPayer(packet)).isEqualTo(1);
		assertThat(claimResponsesAtPayer(packet)).isEqualTo(1);
	}

	@Test
	void payerDown_isRetriedByTheOutbox_untilUp_thenFiledOnce() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);
		PAYER_PROXY.down();
		try {
			HttpResponse<String> queued = submit(caseTask);
			assertThat(queued.statusCode()).as(queued.body()).isEqualTo(502);
			assertThat(queued.body()).contains("could not be reached", "queued");
			eventually("a retry while the payer is down", () -> drainer.drainOnce() > 0);
			assertThat(SubmissionTask.attempts(submissionOf(packet))).isEqualTo(2);
			assertThat(submissionOf(packet).getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		} finally {
			PAYER_PROXY.up();
		}

		drainUntilCompleted(drainer, packet);

		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
		assertThat(submitsForwarded()).isEqualTo(1);
		assertThat(claimsAtPayer(packet)).isEqualTo(1);
		assertThat(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
	}

	/** A 503 may come from a payer that has the request: the outbox asks ($inquire) before it sends again. */
	@Test
	void payerUnavailable503_isAskedBeforeSendingAgain_filedOnce() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);
		PAYER_PROXY.refuse(2);

		HttpResponse<String> queued = submit(caseTask);
		assertThat(queued.statusCode()).as(queued.body()).isEqualTo(502);
		assertThat(queued.body()).contains("HTTP 503");
		drainUntilCompleted(drainer, packet);

		assertThat(inquiriesForwarded()).isEqualTo(1);
		assertThat(submitsForwarded()).isEqualTo(1);
		assertThat(claimsAtPayer(packet)).isEqualTo(1);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
	}

	/** The provider killed between send and record looks, to the provider, like this: the payer filed it, no answer came. */
	@Test
	void answerLostAfterThePayerFiledIt_isRecoveredByInquiry_notFiledAgain() throws Exception {
		Task caseTask = readyCaseAtRecoursePayer();
		Bundle packet = assemble(caseTask);
		PAYER_PROXY.dropAnswers(1);

		HttpResponse<String> lost = submit(caseTask);

		assertThat(lost.statusCode()).as(lost.body()).isEqualTo(502);
		assertThat(lost.body()).contains("lost before its answer");
		assertThat(claimsAtPayer(packet)).isEqualTo(1);
		drainUntilCompleted(drainer, packet);
		HttpResponse<String> answered = submit(caseTask);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(FakePayer.reviewActions(claimResponse(parse(answered)))).isNotEmpty().containsOnly("A4");
		assertThat(submitsForwarded()).isEqualTo(1);
		assertThat(inquiriesForwarded()).isEqualTo(1);
		assertThat(claimsAtPayer(packet)).isEqualTo(1);
		assertThat(claimResponsesAtPayer(packet)).isEqualTo(1);
		assertThat(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
	}
}
