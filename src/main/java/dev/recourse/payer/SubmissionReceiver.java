package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.payer.SubmissionRecords.Receipt;
import dev.recourse.security.Caller;
import dev.recourse.security.audit.OperationWrites;
import dev.recourse.server.ScopedStorageSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;

/**
 * {@code Claim/$submit}: read a legacy {@code queued} outcome as PAS 2.2's → check it is a PAS request at all →
 * name the submission by sender and Bundle.identifier, and digest what it says → received before? the same content
 * gets the answer it got, a different content 409 → validate against PAS (and RecoursePacket when claimed; 422) →
 * copies of the received resources under ids of their own → the pended ClaimResponse → the copies, the answer, the
 * Bundle as received and the receipt's Provenance in one transaction → the PAS response Bundle, built from what was
 * stored, so the answer to a resubmission is the same answer.
 */
@Service
class SubmissionReceiver {
	private static final String WHAT = "PAS request Bundle";
	private final SubmissionRecords records;
	private final PasValidation validation;
	private final FhirContext fhirContext;
	private final Clock clock = Clock.systemUTC();

	SubmissionReceiver(SubmissionRecords records, PasValidation validation, FhirContext fhirContext) {
		this.records = records;
		this.validation = validation;
		this.fhirContext = fhirContext;
	}

	Bundle receive(Bundle sent, RequestDetails request) {
		Bundle received = sent.copy();
		LegacyOutcomes.normalize(received);
		RequestShape.check(received, WHAT);
		String client = Caller.of(request).map(Caller::clientId).orElse("anonymous");
		Submission submission = Submission.of(client, received.getIdentifier());
		String digest = Submission.digest(fhirContext, received);
		Optional<Receipt> earlier = records.receipt(submission);
		if (earlier.isPresent()) {
			return again(earlier.get(), digest, request);
		}
		validation.require(received, Pas.REQUEST_BUNDLE, WHAT);
		try {
			store(received, new Arrival(submission, client, digest), request);
		} catch (ResourceVersionConflictException raced) {
			// the same submission, stored by a concurrent request between our look and our write: its answer, or 409
			return again(records.receipt(submission).orElseThrow(() -> raced), digest, request);
		}
		return answer(records.receipt(submission).orElseThrow(), request);
	}

	/** A submission received before: the same content gets the same answer; different content with its identifier is refused. */
	private Bundle again(Receipt earlier, String digest, RequestDetails request) {
		if (!earlier.digest().equals(digest)) {
			throw new RecourseException(RecourseError.CONFLICT, "Bundle.identifier", "A PAS request Bundle with the identifier "
					+ describe(earlier.received()) + " was received on " + earlier.recorded().toInstant() + " with different content; "
					+ "a changed request is a new submission with an identifier of its own (or a PAS Claim update)");
		}
		return answer(earlier, request);
	}

	private void store(Bundle received, Arrival arrival, RequestDetails request) {
		Submission submission = arrival.submission();
		List<Resource> copies = new ReceivedCopies(fhirContext, submission, new BundleIndex(received)).all();
		Claim claim = (Claim) copies.get(0);
		Date now = Date.from(clock.instant());
		ClaimResponse response = PendedResponse.of(claim, "Claim/" + claim.getIdElement().getIdPart(), submission, now);
		Bundle kept = received.copy();
		kept.setId(submission.id());
		List<Resource> stored = new ArrayList<>(copies);
		stored.add(response);
		stored.add(kept);
		List<String> targets = stored.stream().map(SubmissionReceiver::reference).toList();
		stored.add(ReceiptProvenance.of(arrival, targets, now));
		// create only: If-Match version 0 fails (409) where the id exists, so a concurrent twin cannot write over the first
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		stored.forEach(resource -> transaction.addEntry().setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl(reference(resource)).setIfMatch("W/\"0\""));
		Set<String> patients = copies.stream().filter(Patient.class::isInstance).map(SubmissionReceiver::reference).collect(Collectors.toSet());
		// references to what the Bundle does not hold name it at the sender's server (or wherever they point): external
		OperationWrites.auditedAsOne(request, patients, () -> ScopedStorageSettings.allowingExternalReferences(() -> {
			records.store(transaction);
			return null;
		}));
	}

	private Bundle answer(Receipt receipt, RequestDetails request) {
		return new WireBundles(fhirContext, request.getFhirServerBase(), WireBundles.Kind.SUBMIT_RESPONSE).answer(receipt,
				receipt.received().getIdentifier(), receipt.response().getMeta().getLastUpdated());
	}

	private static String reference(Resource resource) {
		return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
	}

	private static String describe(Bundle bundle) {
		return (bundle.getIdentifier().hasSystem() ? bundle.getIdentifier().getSystem() + "|" : "") + bundle.getIdentifier().getValue();
	}
}
