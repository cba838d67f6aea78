package dev.recourse.payer;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Service;

/**
 * Records a decision on a received request: its stored answer ({@code ClaimResponse/pas-<key>}) gets the review
 * action on every item (with the tracking number and the X12 886 reasons), the note as a processNote, and the outcome
 * complete; written under If-Match on the version read, so two reviewers deciding at once cannot both win silently
 * (409). {@code $submit} of the same request again and {@code $inquire} answer with it from then on. The same transaction
 * records the notifications the decision owes PAS topic subscribers ({@link NotificationsOwed}), so neither is stored
 * without the other.
 */
@Service
class DecisionRecorder {
	private final LocalRepositories repositories;
	private final SubmissionRecords records;
	private final NotificationsOwed notifications;
	private final Clock clock = Clock.systemUTC();

	DecisionRecorder(LocalRepositories repositories, SubmissionRecords records, NotificationsOwed notifications) {
		this.repositories = repositories;
		this.records = records;
		this.notifications = notifications;
	}

	/** @param fhirBase this server's FHIR base as the caller reached it, for the notifications' URLs */
	ClaimResponse decide(IdType claimId, Decision decision, String fhirBase) {
		Submission submission = Submission.owning(claimId.getIdPart());
		if (submission == null) {
			throw new RecourseException(RecourseError.NOT_FOUND, "Claim", "Claim/" + claimId.getIdPart()
					+ " is not a request this payer received through Claim/$submit");
		}
		// stored as the server, like everything received (SubmissionRecords); the caller's right was checked on the operation
		IRepository store = repositories.forServer();
		ClaimResponse answer = read(store, submission, claimId);
		String version = answer.getMeta().getVersionId();
		ClaimResponse decided = decided(answer, submission, decision);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(decided).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("ClaimResponse/" + submission.id()).setIfMatch("W/\"" + version + "\"");
		// HAPI numbers versions 1, 2, 3…: the version this transaction writes is known before it runs
		notifications.addTo(transaction, store, new NotificationsOwed.Decided(received(submission), "ClaimResponse/" + submission.id(),
				String.valueOf(Long.parseLong(version) + 1), fhirBase));
		store.transaction(transaction);
		return store.read(ClaimResponse.class, new IdType("ClaimResponse", submission.id()));
	}

	private Bundle received(Submission submission) {
		return records.receipt(submission).map(SubmissionRecords.Receipt::received).orElseThrow(() -> new RecourseException(
				RecourseError.NOT_FOUND, "Claim", "The received request of this Claim is no longer on file"));
	}

	private static ClaimResponse read(IRepository store, Submission submission, IdType claimId) {
		try {
			store.read(org.hl7.fhir.r4.model.Claim.class, new IdType("Claim", claimId.getIdPart()));
			return store.read(ClaimResponse.class, new IdType("ClaimResponse", submission.id()));
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			throw new RecourseException(RecourseError.NOT_FOUND, "Claim", "No received request Claim/" + claimId.getIdPart());
		}
	}

	private ClaimResponse decided(ClaimResponse answer, Submission submission, Decision decision) {
		ClaimResponse decided = answer.copy();
		String tracking = submission.trackingNumber();
		for (ClaimResponse.ItemComponent item : decided.getItem()) {
			item.getAdjudication().removeIf(adjudication -> adjudication.getExtensionByUrl(Pas.REVIEW_ACTION) != null);
			ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication().setCategory(ReviewActions.submitted());
			adjudication.addExtension(ReviewActions.of(decision.action(), decision.display(), tracking, decision.reasons()));
			decision.basis().extensions().forEach(adjudication::addExtension);
		}
		decided.getExtension().removeIf(extension -> Pas.CLAIM_RESPONSE_REVIEWER.equals(extension.getUrl()));
		decision.reviewer().ifPresent(decided::addExtension);
		decided.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
		decided.setDisposition(decision.display() + "; tracking number " + tracking);
		decided.getProcessNote().clear();
		decision.note().ifPresent(text -> decided.addProcessNote().setNumber(1).setType(Enumerations.NoteType.PRINT).setText(text));
		decided.setCreated(Date.from(clock.instant()));
		return decided;
	}
}
