package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** The outbox record's states: who may claim it, when it is due, what each outcome leaves. */
class SubmissionTaskTest {
	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void newSubmission_isNamedByThePacketIdentifier_andDueNow() {
		Task submission = recorded();

		assertThat(submission.getIdElement().getIdPart()).isEqualTo(SubmissionTask.idFor("urn:uuid:1f0c"));
		assertThat(submission.getIdentifierFirstRep().getValue()).isEqualTo("urn:uuid:1f0c");
		assertThat(submission.getFocus().getReference()).isEqualTo("Bundle/packet-abc/_history/3");
		assertThat(SubmissionTask.endpointId(submission)).isEqualTo("payer-1");
		assertThat(SubmissionTask.due(submission, NOW)).isTrue();
		assertThat(SubmissionTask.attempts(submission)).isZero();
	}

	@Test
	void claimed_countsTheAttempt_andIsNotClaimableUntilTheLeaseEnds() {
		Task claimed = SubmissionTask.claimed(recorded(), NOW, NOW.plusSeconds(120));

		assertThat(claimed.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
		assertThat(SubmissionTask.attempts(claimed)).isEqualTo(1);
		assertThat(SubmissionTask.claimable(claimed, NOW.plusSeconds(60))).isFalse();
		assertThat(SubmissionTask.claimable(claimed, NOW.plusSeconds(121))).isTrue();
		assertThat(SubmissionTask.outcomeUnknown(claimed)).isFalse();
	}

	@Test
	void claimTakenOverAfterItsLease_hasAnUnknownOutcome() {
		Task stuck = SubmissionTask.claimed(recorded(), NOW, NOW.plusSeconds(120));

		Task takenOver = SubmissionTask.claimed(stuck, NOW.plusSeconds(200), NOW.plusSeconds(320));

		assertThat(SubmissionTask.outcomeUnknown(takenOver)).isTrue();
		assertThat(SubmissionTask.attempts(takenOver)).isEqualTo(2);
	}

	@Test
	void retryLater_waitsUntilTheNextAttempt_andRemembersAnUnknownOutcome() {
		Task claimed = SubmissionTask.claimed(recorded(), NOW, NOW.plusSeconds(120));

		Task waiting = SubmissionTask.retryLater(claimed, "the payer answered HTTP 500", true, NOW.plusSeconds(30));

		assertThat(waiting.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
		assertThat(SubmissionTask.due(waiting, NOW.plusSeconds(10))).isFalse();
		assertThat(SubmissionTask.due(waiting, NOW.plusSeconds(30))).isTrue();
		assertThat(SubmissionTask.outcomeUnknown(waiting)).isTrue();
		assertThat(waiting.getStatusReason().getText()).contains("HTTP 500");
		assertThat(SubmissionTask.leaseUntil(waiting)).isEmpty();
	}

	@Test
	void unknownOutcome_staysUnknown_whenALaterAttemptIsNotDelivered() {
		Task unknown = SubmissionTask.retryLater(SubmissionTask.claimed(recorded(), NOW, NOW), "lost", true, NOW);

		Task notDelivered = SubmissionTask.retryLater(SubmissionTask.claimed(unknown, NOW, NOW), "refused connection", false, NOW);

		assertThat(SubmissionTask.outcomeUnknown(notDelivered)).isTrue();
	}

	@Test
	void completed_linksTheAnswer_andIsNeitherDueNorClaimable() {
		Task completed = SubmissionTask.completed(SubmissionTask.claimed(recorded(), NOW, NOW.plusSeconds(1)),
				"Bundle/payer-response-x", "ClaimResponse/payer-response-x");

		assertThat(SubmissionTask.output(completed, "ClaimResponse")).contains("ClaimResponse/payer-response-x");
		assertThat(SubmissionTask.output(completed, "Bundle")).contains("Bundle/payer-response-x");
		assertThat(SubmissionTask.claimable(completed, NOW.plus(Duration.ofDays(1)))).isFalse();
		assertThat(SubmissionTask.due(completed, NOW.plus(Duration.ofDays(1)))).isFalse();
	}

	@Test
	void backoff_doublesPerAttempt_upToTheMaximum() {
		SubmissionOutbox outbox = new SubmissionOutbox(null,
				new SubmissionProperties(List.of(), null, null, Duration.ofSeconds(30), Duration.ofMinutes(5), 0, null, null));

		assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(attempts -> Duration.between(NOW, outbox.nextAttempt(attempts, NOW))).toList())
				.containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
						Duration.ofMinutes(5), Duration.ofMinutes(5));
	}

	private static Task recorded() {
		Task caseTask = new Task();
		caseTask.setId("case-1");
		caseTask.setFor(new Reference("Patient/p1"));
		Bundle packet = new Bundle();
		packet.setId("packet-abc");
		packet.getMeta().setVersionId("3");
		packet.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:1f0c");
		return SubmissionTask.of(caseTask, packet, "payer-1", NOW);
	}
}
