package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.submission.fake.FakePayer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code Task/[id]/$submit} over HTTP against the fake payer: the PAS referral example's case made ready and its
 * packet assembled, then submitted — answered, repeated, retried after 500s, recovered by inquiry after a lost
 * answer, drained by two senders at once — each time filed with the payer exactly once.
 */
class SubmitIT extends SubmissionSteps {
	@Autowired
	OutboxDrainer drainer;

	@BeforeEach
	void requestOnFile() throws Exception {
		storeReferralExample(resource -> true);
		PAYER.reset();
	}

	@AfterEach
	void payerUp() {
		PAYER.reset();
	}

	@Test
	void submit_returnsThePendedResponse_storesIt_caseUnderReview() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);

		HttpResponse<String> response = submit(caseTask);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ClaimResponse answered = claimResponse(parse(response));
		assertThat(FakePayer.reviewActions(answered)).isNotEmpty().containsOnly("A4");
		Task after = reread(caseTask);
		assertThat(after.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
		String linked = output(after, "payer-response");
		assertThat(linked).startsWith("ClaimResponse/");
		ClaimResponse stored = client.read().resource(ClaimResponse.class).withId(linked).execute();
		assertThat(stored.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(stored.getPatient().getReference()).isEqualTo(request(packet).getPatient().getReference());
		assertThat(stored.getRequest().getIdentifier().getValue()).isEqualTo(request(packet).getIdentifierFirstRep().getValue());
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(1);
	}

	@Test
	void repeatedSubmit_returnsTheStoredResponse_payerReceivedOne() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);

		HttpResponse<String> first = submit(caseTask);
		HttpResponse<String> second = submit(caseTask);

		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(parse(second).getIdentifier().getValue()).isEqualTo(parse(first).getIdentifier().getValue());
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(1);
		assertThat(PAYER.filings(packet.getIdentifier().getValue())).isEqualTo(1);
	}

	@Test
	void payerFailsTwiceWith500_isRetriedByTheOutbox_filedOnce() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);
		PAYER.script(FakePayer.Fault.ERROR_500, FakePayer.Fault.ERROR_500);

		HttpResponse<String> queued = submit(caseTask);
		assertThat(queued.statusCode()).as(queued.body()).isEqualTo(502);
		assertThat(queued.body()).contains("queued", "HTTP 500");
		drainWhenDue();
		drainWhenDue();

		HttpResponse<String> answered = submit(caseTask);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(3);
		assertThat(PAYER.filings(packet.getIdentifier().getValue())).isEqualTo(1);
		assertThat(output(reread(caseTask), "payer-response")).isNotNull();
	}

	@Test
	void payerFiledItButTheAnswerWasLost_recoveredByInquiry_notFiledAgain() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);
		PAYER.script(FakePayer.Fault.ACCEPT_THEN_DROP);

		HttpResponse<String> lost = submit(caseTask);
		assertThat(lost.statusCode()).as(lost.body()).isEqualTo(502);
		int inquiriesBefore = PAYER.inquiries().size();
		drainWhenDue();

		HttpResponse<String> answered = submit(caseTask);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(FakePayer.reviewActions(claimResponse(parse(answered)))).containsOnly("A4");
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(1);
		assertThat(PAYER.filings(packet.getIdentifier().getValue())).isEqualTo(1);
		assertThat(PAYER.inquiries().size() - inquiriesBefore).isEqualTo(1);
		assertThat(reread(caseTask).getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("under-review");
	}

	@Test
	void twoDrainsAtOnce_deliverTheQueuedSubmissionOnce() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);
		PAYER.down();
		HttpResponse<String> queued;
		try {
			queued = submit(caseTask);
		} finally {
			PAYER.up();
		}
		assertThat(queued.statusCode()).as(queued.body()).isEqualTo(502);
		assertThat(queued.body()).contains("could not be reached");
		PAYER.answerDelay(300);
		Thread.sleep(100);

		List<Integer> attempts = concurrently(2, drainer::drainOnce);

		assertThat(attempts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(1);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
		assertThat(PAYER.filings(packet.getIdentifier().getValue())).isEqualTo(1);
	}

	@Test
	void twoSubmitsAtOnce_recordOneSubmission_fileOnce() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);
		PAYER.answerDelay(300);

		List<Integer> statuses = concurrently(2, () -> submit(caseTask).statusCode());

		// the one that lost the claim answers 502 (being sent) unless the other had finished by then
		assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 502);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(1);
		assertThat(client.search().forResource(Task.class).where(Task.IDENTIFIER.exactly()
				.systemAndIdentifier("urn:ietf:rfc:3986", packet.getIdentifier().getValue())).returnBundle(Bundle.class).execute().getEntry())
				.hasSize(1);
	}

	@Test
	void senderStoppedAfterThePayerFiledIt_leaseRunsOut_nextDrainInquires_notFiledAgain() throws Exception {
		Task caseTask = readyCase();
		Bundle packet = assemble(caseTask);
		PAYER.down();
		try {
			assertThat(submit(caseTask).statusCode()).isEqualTo(502);
		} finally {
			PAYER.up();
		}
		// what a sender that stopped midway leaves: the payer has the packet, the submission is in-progress, its lease over
		HttpResponse<String> filed = send(HttpRequest.newBuilder(java.net.URI.create(PAYER.baseUrl() + "/Claim/$submit"))
				.header("Content-Type", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(packet))));
		assertThat(filed.statusCode()).isEqualTo(200);
		Task submission = client.read().resource(Task.class).withId(SubmissionTask.idFor(packet.getIdentifier().getValue())).execute();
		submission.setStatus(Task.TaskStatus.INPROGRESS);
		submission.getExtension().removeIf(extension -> extension.getUrl().equals(SubmissionTask.LEASE_UNTIL));
		submission.addExtension(SubmissionTask.LEASE_UNTIL, new org.hl7.fhir.r4.model.DateTimeType(new java.util.Date(System.currentTimeMillis() - 1000)));
		client.update().resource(submission).execute();

		assertThat(drainer.drainOnce()).isPositive();

		Task settled = client.read().resource(Task.class).withId(submission.getIdElement().getIdPart()).execute();
		assertThat(settled.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(PAYER.received(packet.getIdentifier().getValue())).hasSize(1);
		assertThat(PAYER.filings(packet.getIdentifier().getValue())).isEqualTo(1);
		assertThat(submit(caseTask).statusCode()).isEqualTo(200);
	}

	@Test
	void queuedPacketReplacedByANewerOne_isCancelledUnsent_andTheNewerOneIsFiled() throws Exception {
		Task caseTask = readyCase();
		Bundle first = assemble(caseTask);
		PAYER.down();
		try {
			assertThat(submit(caseTask).statusCode()).isEqualTo(502);
		} finally {
			PAYER.up();
		}
		// what $assemble leaves when the case changed: the packet's next version, under a new content identifier
		Bundle newer = client.read().resource(Bundle.class).withId(first.getIdElement().toUnqualifiedVersionless()).execute();
		newer.getIdentifier().setValue("urn:uuid:" + java.util.UUID.randomUUID());
		client.update().resource(newer).execute();
		Task queued = client.read().resource(Task.class).withId(SubmissionTask.idFor(first.getIdentifier().getValue())).execute();
		assertThat(queued.getFocus().getReference()).isEqualTo(first.getIdElement().toUnqualified().getValue());

		drainWhenDue();

		Task old = client.read().resource(Task.class).withId(SubmissionTask.idFor(first.getIdentifier().getValue())).execute();
		assertThat(old.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
		assertThat(old.getStatusReason().getText()).contains("superseded", "Bundle/" + first.getIdElement().getIdPart());
		assertThat(PAYER.received(first.getIdentifier().getValue())).isEmpty();
		HttpResponse<String> answered = submit(caseTask);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(PAYER.filings(newer.getIdentifier().getValue())).isEqualTo(1);
	}

	@Test
	void payerDeniesAtOnce_caseUpheld_withTheNextPathwayAndDeadlineFromTriage() throws Exception {
		Task caseTask = readyCase();
		assemble(caseTask);
		PAYER.script(FakePayer.Fault.DENY_AT_ONCE);

		HttpResponse<String> response = submit(caseTask);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Task after = reread(caseTask);
		assertThat(after.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("upheld");
		assertThat(after.getNote()).anySatisfy(note -> assertThat(note.getText()).contains("upheld", "Next step"));
		assertThat(after.getRestriction().getPeriod().hasEnd()).isTrue();
	}

	@Test
	void caseWithoutPacket_is422() throws Exception {
		HttpResponse<String> response = submit(readyCase());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("run $assemble first");
	}

	@Test
	void unknownCase_is404() throws Exception {
		HttpResponse<String> response = send(fhirRequest("/Task/no-such-case/$submit").header("Content-Type", FHIR_JSON)
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Parameters\"}")));

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void closedCase_is409() throws Exception {
		Task caseTask = readyCase();
		assemble(caseTask);
		Task closed = reread(caseTask);
		closed.setStatus(Task.TaskStatus.CANCELLED);
		client.update().resource(closed).execute();

		HttpResponse<String> response = submit(caseTask);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
	}

	// --- steps

	/** One pass of the outbox once the (test-short) backoff has passed. */
	private void drainWhenDue() throws InterruptedException {
		Thread.sleep(100);
		assertThat(drainer.drainOnce()).isPositive();
	}
}
