package dev.recourse.submission;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.attachment.DocumentRequestIntake;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.CaseStages;
import dev.recourse.server.LocalRepositories;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payer's answer kept: the PAS response Bundle as received, its ClaimResponse as a resource of ours (references
 * to the packet's parties kept, the request Claim by identifier, anything else of the payer's by display only), the
 * submission completed — one transaction, under the claim's version — and then the case linking the ClaimResponse
 * as its payer-response output at the stage the answer puts it in.
 */
@Component
class PayerResponses {
	private static final int CASE_WRITE_TRIES = 5;
	private static final Logger log = LoggerFactory.getLogger(PayerResponses.class);
	private final LocalRepositories repositories;
	private final FhirContext fhirContext;
	private final DecidedCase decidedCase;
	private final DocumentRequestIntake documentRequests;
	private final DecisionClocks decisionClocks;

	PayerResponses(LocalRepositories repositories, FhirContext fhirContext, DecidedCase decidedCase, DocumentRequestIntake documentRequests,
			DecisionClocks decisionClocks) {
		this.decisionClocks = decisionClocks;
		this.decidedCase = decidedCase;
		this.repositories = repositories;
		this.fhirContext = fhirContext;
		this.documentRequests = documentRequests;
	}

	static Optional<ClaimResponse> claimResponse(Bundle answer) {
		return answer.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(ClaimResponse.class::isInstance)
				.map(ClaimResponse.class::cast).findFirst();
	}

	/** Stores the answer and completes the claimed submission; empty when the claim was taken over meanwhile. */
	Optional<Task> store(Task claimed, Bundle answer, Bundle packet) {
		String key = key(claimed);
		Task completed = SubmissionTask.completed(claimed, "Bundle/" + key, "ClaimResponse/" + key);
		ClaimResponse received = claimResponse(answer).orElseThrow();
		if ("under-review".equals(CaseStage.of(received))) {
			stampDecisionDue(completed, packet, received);
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addAnswer(transaction, answer, local(received, packet, key), null);
		SubmissionOutbox.put(transaction, completed, claimed.getIdElement().getVersionIdPart());
		try {
			repositories.forServer().transaction(transaction);
		} catch (BaseServerResponseException e) {
			if (SubmissionOutbox.isConflict(e)) {
				return Optional.empty();
			}
			throw e;
		}
		recordDocumentRequests(new IdType(completed.getPartOfFirstRep().getReference()).toUnqualifiedVersionless(), answer);
		return Optional.of(repositories.forServer().read(Task.class, completed.getIdElement().toUnqualifiedVersionless()));
	}

	/**
	 * A pended answer starts the payer's decision clock: its due time goes on the submission. The answer is kept whether
	 * or not a clock can be found (an uncertain regime, a rule without one); the log says why none was.
	 */
	private void stampDecisionDue(Task completed, Bundle packet, ClaimResponse pended) {
		try {
			decisionClocks.dueFor(completed, packet, pended, java.time.Instant.now())
					.ifPresent(due -> SubmissionTask.decisionDue(completed, due));
		} catch (RuntimeException e) {
			log.warn("{}: no decision due time recorded: {}", completed.getIdElement().getIdPart(), e.getMessage());
		}
	}

	/** The id under which a submission's answer is kept (its Bundle and its ClaimResponse): payer-response-&lt;key&gt;. */
	static String key(Task submission) {
		return "payer-response-" + submission.getIdElement().getIdPart().substring("submission-".length());
	}

	/**
	 * Adds the answer kept to the transaction: the response Bundle as received and its ClaimResponse made ours
	 * ({@link #local}), both under the key the ClaimResponse carries; the ClaimResponse under If-Match when a version is given.
	 */
	static void addAnswer(Bundle transaction, Bundle answer, ClaimResponse local, String ifMatchVersion) {
		String key = local.getIdElement().getIdPart();
		Bundle response = answer.copy();
		response.setId(key);
		response.setMeta(null);
		transaction.addEntry().setResource(response).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Bundle/" + key);
		Bundle.BundleEntryRequestComponent request = transaction.addEntry().setResource(local).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl("ClaimResponse/" + key);
		if (ifMatchVersion != null) {
			request.setIfMatch("W/\"" + ifMatchVersion + "\"");
		}
	}

	/** A request for documents the answer carries goes on the case; the answer stays stored when that fails. */
	void recordDocumentRequests(IdType caseId, Bundle answer) {
		try {
			documentRequests.recordFrom(caseId, answer);
		} catch (BaseServerResponseException | dev.recourse.common.RecourseException e) {
			log.warn("{}: the payer's request for documents could not be recorded on the case: {}", caseId.getIdPart(), e.getMessage());
		}
	}

	/** The stored response Bundle of a completed submission. */
	Bundle response(Task completed) {
		return repositories.forServer().read(Bundle.class, new IdType(SubmissionTask.output(completed, "Bundle").orElseThrow()));
	}

	/**
	 * The case links the submission's ClaimResponse and stands at the stage it says; re-read and written again when
	 * another change of the case came between. Nothing when it does already.
	 */
	void linkToCase(Task completed) {
		String claimResponseRef = SubmissionTask.output(completed, "ClaimResponse").orElseThrow();
		IdType caseId = new IdType(completed.getPartOfFirstRep().getReference()).toUnqualifiedVersionless();
		ClaimResponse answer = repositories.forServer().read(ClaimResponse.class, new IdType(claimResponseRef));
		String answered = CaseStage.of(answer);
		for (int attempt = 1; ; attempt++) {
			Task caseTask = repositories.forServer().read(Task.class, caseId);
			String stage = CaseStage.keeping(answered, caseTask.getBusinessStatus().getCodingFirstRep().getCode());
			boolean linked = CaseOutputs.all(caseTask, "payer-response").contains(claimResponseRef);
			if (linked && stage.equals(caseTask.getBusinessStatus().getCodingFirstRep().getCode())) {
				return;
			}
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			Task updated = linkedCase(transaction, caseTask, claimResponseRef);
			if (CaseStage.DECIDED.contains(stage)) {
				// a payer that decides at once (no pend) moves the case as a later decision notice would
				decidedCase.apply(updated, answer, repositories.forServer().read(Bundle.class, new IdType(completed.getFocus().getReference())));
			} else {
				updated.setBusinessStatus(CaseStages.concept(stage));
				updated.setLastModified(new Date());
			}
			try {
				repositories.forServer().transaction(transaction);
				return;
			} catch (BaseServerResponseException e) {
				if (!SubmissionOutbox.isConflict(e) || attempt >= CASE_WRITE_TRIES) {
					throw e;
				}
			}
		}
	}

	/**
	 * Adds the case to the transaction linking the ClaimResponse as its payer-response output, under If-Match on the
	 * version read, and returns that copy for the caller's further changes.
	 */
	static Task linkedCase(Bundle transaction, Task caseTask, String claimResponseRef) {
		int before = transaction.getEntry().size();
		CaseOutputs.linkOnly(transaction, caseTask, "payer-response", "Payer response", claimResponseRef);
		if (transaction.getEntry().size() == before) {
			SubmissionOutbox.put(transaction, caseTask.copy(), caseTask.getIdElement().getVersionIdPart());
		}
		return (Task) transaction.getEntry().get(transaction.getEntry().size() - 1).getResource();
	}

	/** The payer's ClaimResponse as a resource of ours under {@code id}. */
	ClaimResponse local(ClaimResponse received, Bundle packet, String id) {
		ClaimResponse claimResponse = received.copy();
		claimResponse.setId(id);
		claimResponse.getMeta().setVersionId(null).setLastUpdated(null).setSource(null);
		Claim request = PacketParts.claim(packet);
		for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(claimResponse, Reference.class)) {
			if (reference.hasReference()) {
				localize(reference, packet, request);
			}
		}
		return claimResponse;
	}

	/** A reference to a packet resource we sent stays (it is ours); the Claim, which we keep only inside the packet, is named by identifier. */
	private static void localize(Reference reference, Bundle packet, Claim request) {
		Optional<Resource> target = PacketParts.resolve(packet, reference, Resource.class);
		if (target.isPresent() && target.get() instanceof Claim) {
			reference.setReference(null).setType("Claim").setIdentifier(request.getIdentifierFirstRep().copy());
		} else if (target.isPresent()) {
			reference.setReference(target.get().fhirType() + "/" + target.get().getIdElement().getIdPart());
		} else {
			String original = reference.getReference();
			// the parser links references to the Bundle's entries; a link kept to an entry without an id fails the store
			reference.setReference(null).setResource(null);
			if (!reference.hasDisplay()) {
				reference.setDisplay("the payer's " + original);
			}
		}
	}
}
