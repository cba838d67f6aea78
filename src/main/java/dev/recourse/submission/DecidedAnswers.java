package dev.recourse.submission;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.server.LocalRepositories;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * A payer's later answer to a submission kept: the stored answer (payer-response-&lt;key&gt;) → the same content again, or
 * older than the one on file? nothing changes → else in one transaction the new versions of the response Bundle and
 * ClaimResponse (If-Match on the ClaimResponse read) and the case moved by {@link DecidedCase} (If-Match on the case
 * read) → on a conflict (the same notification delivered twice at once, a specialist's edit) read again and retry.
 */
@Component
class DecidedAnswers {
	private static final int TRIES = 5;
	private final LocalRepositories repositories;
	private final PayerResponses responses;
	private final DecidedCase decidedCase;

	DecidedAnswers(LocalRepositories repositories, PayerResponses responses, DecidedCase decidedCase) {
		this.repositories = repositories;
		this.responses = responses;
		this.decidedCase = decidedCase;
	}

	/**
	 * What keeping it came to.
	 *
	 * @param changed whether anything was written
	 * @param message in words for the payer, without patient data
	 */
	record Kept(boolean changed, String message) {
	}

	Kept keep(Task submission, DecisionNotice.Event event) {
		IRepository store = repositories.forServer();
		Bundle packet = store.read(Bundle.class, new IdType(submission.getFocus().getReference()));
		String key = PayerResponses.key(submission);
		ClaimResponse received = responses.local(PayerResponses.claimResponse(event.response()).orElseThrow(), packet, key);
		if (!received.hasCreated() && event.timestamp() != null) {
			received.setCreated(Date.from(event.timestamp())); // the decision's date: the next level's clocks count from it
		}
		for (int attempt = 1; ; attempt++) {
			ClaimResponse stored = store.read(ClaimResponse.class, new IdType("ClaimResponse", key));
			if (same(stored, received)) {
				return new Kept(false, "Event " + event.number() + ": this answer is on file already; nothing changed");
			}
			if (older(event.response(), store.read(Bundle.class, new IdType("Bundle", key)))) {
				return new Kept(false, "Event " + event.number() + ": older than the answer on file; nothing changed");
			}
			Task caseTask = store.read(Task.class, new IdType(submission.getPartOfFirstRep().getReference()).toUnqualifiedVersionless());
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			PayerResponses.addAnswer(transaction, event.response(), received.copy(), stored.getIdElement().getVersionIdPart());
			decidedCase.apply(PayerResponses.linkedCase(transaction, caseTask, "ClaimResponse/" + key), received, packet);
			try {
				store.transaction(transaction);
				if ("under-review".equals(CaseStage.of(received))) {
					// still pended: what the payer asks for meanwhile (PAS Task, CommunicationRequests) goes on the case
					responses.recordDocumentRequests(caseTask.getIdElement().toUnqualifiedVersionless(), event.response());
				}
				return new Kept(true, "Event " + event.number() + ": recorded (" + CaseStage.of(received) + ")");
			} catch (BaseServerResponseException e) {
				if (!SubmissionOutbox.isConflict(e) || attempt >= TRIES) {
					throw e;
				}
			}
		}
	}

	private static boolean same(ClaimResponse stored, ClaimResponse received) {
		ClaimResponse a = stored.copy();
		ClaimResponse b = received.copy();
		a.setMeta(null);
		b.setMeta(null);
		a.setId(b.getIdElement().getIdPart());
		return a.equalsDeep(b);
	}

	/** A response dated before the one on file is a late redelivery of an earlier event: the later answer stands. */
	private static boolean older(Bundle received, Bundle stored) {
		return received.hasTimestamp() && stored.hasTimestamp() && received.getTimestamp().before(stored.getTimestamp());
	}
}
