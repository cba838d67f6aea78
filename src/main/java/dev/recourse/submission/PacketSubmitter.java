package dev.recourse.submission;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.repository.IRepository;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.Cases;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.server.LocalRepositories;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$submit}: read the open case (404, 409 closed) → its packet (422 when it has none) → the payer
 * Endpoint of the packet's insurer (422 when none is configured) → record the submission in the outbox, or find the
 * one recorded for this packet identifier → attempt it now unless it is settled or another sender holds it →
 * answer: the payer's stored response Bundle (linking it to the case, once more if need be); 422 when the payer
 * refused it; 502 saying the submission is queued for retry when the payer could not be reached.
 */
@Service
class PacketSubmitter {
	private final LocalRepositories repositories;
	private final PayerEndpoints payers;
	private final SubmissionOutbox outbox;
	private final SubmissionDelivery delivery;
	private final PayerResponses responses;

	PacketSubmitter(LocalRepositories repositories, PayerEndpoints payers, SubmissionOutbox outbox, SubmissionDelivery delivery, PayerResponses responses) {
		this.repositories = repositories;
		this.payers = payers;
		this.outbox = outbox;
		this.delivery = delivery;
		this.responses = responses;
	}

	Bundle submit(IdType caseId, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		Bundle packet = packet(store, caseTask);
		Task recorded = outbox.record(caseTask, packet, payers.endpointFor(packet));
		Task submission = recorded;
		if (SubmissionTask.claimable(recorded, Instant.now())) {
			Optional<Task> claimed = outbox.claim(recorded);
			submission = claimed.map(delivery::attempt).orElseGet(() -> outbox.find(recorded.getIdElement().getIdPart()).orElseThrow());
		}
		return answer(submission);
	}

	private Bundle answer(Task submission) {
		String name = "Task/" + submission.getIdElement().getIdPart();
		switch (submission.getStatus()) {
			case COMPLETED -> {
				responses.linkToCase(submission);
				return responses.response(submission);
			}
			case FAILED -> throw new RecourseException(RecourseError.UNPROCESSABLE, "Task.statusReason",
					"The submission " + name + " failed: " + submission.getStatusReason().getText() + ". Assemble a corrected packet and submit again");
			case CANCELLED -> throw new RecourseException(RecourseError.CONFLICT, "Task.statusReason",
					"The submission " + name + " was cancelled: " + submission.getStatusReason().getText());
			case INPROGRESS -> throw new RecourseException(RecourseError.UPSTREAM_UNAVAILABLE, null,
					"The packet is being sent to the payer (" + name + ", attempt " + SubmissionTask.attempts(submission)
							+ "); call $submit again to get the payer's answer");
			default -> throw new RecourseException(RecourseError.UPSTREAM_UNAVAILABLE, null,
					"The payer did not answer: " + submission.getStatusReason().getText() + ". The submission " + name
							+ " is queued and will be retried from " + SubmissionTask.nextAttempt(submission)
							+ "; call $submit again to get the payer's answer (the packet is never filed twice)");
		}
	}

	private static Bundle packet(IRepository store, Task caseTask) {
		String reference = CaseOutputs.first(caseTask, "packet").orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE,
				"Task.output", "The case has no packet: run $assemble first"));
		try {
			Bundle packet = store.read(Bundle.class, new IdType(reference).toUnqualifiedVersionless());
			if (!packet.hasIdentifier() || !packet.getIdentifier().hasValue()) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "Bundle.identifier", "The packet " + reference
						+ " has no identifier: run $assemble again");
			}
			return packet;
		} catch (BaseServerResponseException gone) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Task.output", "The case's packet " + reference
					+ " cannot be read: run $assemble again");
		}
	}
}
