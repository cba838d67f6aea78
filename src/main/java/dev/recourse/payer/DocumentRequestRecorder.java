package dev.recourse.payer;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.payer.SubmissionRecords.Receipt;
import dev.recourse.security.audit.OperationWrites;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Claim/[id]/$request-documents}: the received request (404) → still pended (409 once decided) → the items
 * asked about (422 for one the request lacks) → the parties (the payer's and the provider's identifiers, as received)
 * → the PAS Task and its CommunicationRequests → in one transaction, under If-Match on the stored answer: the answer
 * naming the CommunicationRequests, still pended (A4), and the new Task and CommunicationRequests (create only) → the
 * Task as stored. {@code $submit} again, {@code $inquire} and the decision notification carry them from then on.
 */
@Service
class DocumentRequestRecorder {
	private final SubmissionRecords records;
	private final Clock clock = Clock.systemUTC();

	DocumentRequestRecorder(SubmissionRecords records) {
		this.records = records;
	}

	Task request(IdType claimId, DocumentRequestAsk ask, RequestDetails request) {
		Receipt receipt = ReceivedRequests.find(records, claimId);
		ClaimResponse answer = receipt.response();
		if (!ReceivedRequests.pended(answer)) {
			throw new RecourseException(RecourseError.CONFLICT, "ClaimResponse.item.adjudication", "Claim/" + claimId.getIdPart()
					+ " is decided already; documents are asked for while a request is pended (A4)");
		}
		Claim claim = (Claim) receipt.received().getEntryFirstRep().getResource();
		List<Integer> items = items(claim, ask.items());
		DocumentRequestBuilder.Context context = context(receipt, items, request.getFhirServerBase());
		Date now = Date.from(clock.instant());
		List<Resource> built = DocumentRequestBuilder.build(context, ask, now);
		store(receipt, built, request);
		return records.find(Task.class, built.get(0).getIdElement().getIdPart()).orElseThrow();
	}

	private void store(Receipt receipt, List<Resource> built, RequestDetails request) {
		ClaimResponse asking = receipt.response().copy();
		built.stream().skip(1).forEach(asked -> asking.addCommunicationRequest(new Reference("CommunicationRequest/" + asked.getIdElement().getIdPart())));
		asking.setDisposition("Pended for review; documents requested; tracking number " + receipt.submission().trackingNumber());
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(asking).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("ClaimResponse/" + receipt.submission().id()).setIfMatch("W/\"" + receipt.response().getMeta().getVersionId() + "\"");
		// create only: a second request made at the same moment takes the same ids and fails (409) instead of overwriting
		built.forEach(resource -> transaction.addEntry().setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart()).setIfMatch("W/\"0\""));
		OperationWrites.auditedAsOne(request, Set.of(asking.getPatient().getReference()), () -> {
			records.store(transaction);
			return null;
		});
	}

	private static List<Integer> items(Claim claim, List<Integer> asked) {
		List<Integer> sequences = claim.getItem().stream().map(Claim.ItemComponent::getSequence).toList();
		for (int item : asked) {
			if (!sequences.contains(item)) {
				throw new RecourseException(RecourseError.UNPROCESSABLE, "item", "The request has no item " + item + "; its items are " + sequences);
			}
		}
		return asked.isEmpty() ? sequences : asked.stream().distinct().toList();
	}

	private static DocumentRequestBuilder.Context context(Receipt receipt, List<Integer> items, String serverBase) {
		ClaimResponse answer = receipt.response();
		Bundle received = receipt.received();
		Parties parties = Parties.of(received);
		Identifier provider = parties.providers().stream().filter(id -> Pas.NPI.equals(id.getSystem())).findFirst()
				.or(() -> parties.providers().stream().findFirst())
				.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "Claim.provider",
						"The received request names no provider by identifier, so a request for documents could name no owner"));
		String claimCopy = answer.getRequest().getReference();
		return new DocumentRequestBuilder.Context(receipt.submission(), receipt.documentRequests().size() + 1, claimCopy,
				answer.getPatient().getReference(), answer.getInsurer(), payer(received), provider, serverBase, items);
	}

	/** The payer's identifier: the received request's insurer's (its NPI or payer id), or what its reference names. */
	private static Identifier payer(Bundle received) {
		Claim claim = (Claim) received.getEntryFirstRep().getResource();
		BundleIndex index = new BundleIndex(received);
		return index.resolve(claim.getInsurer().getReference(), 0).map(at -> index.entry(at).getResource())
				.filter(Organization.class::isInstance).map(organization -> ((Organization) organization).getIdentifierFirstRep())
				.filter(Identifier::hasValue)
				.or(() -> claim.getInsurer().hasIdentifier() ? Optional.of(claim.getInsurer().getIdentifier()) : Optional.empty())
				.orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE, "Claim.insurer",
						"The received request names its insurer by no identifier, so a request for documents could name no requester"));
	}
}
