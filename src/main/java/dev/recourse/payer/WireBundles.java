package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import dev.recourse.payer.SubmissionRecords.Receipt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * A stored ClaimResponse as PAS sends it back: in a collection Bundle, first, with every resource it references
 * after it — the requester's own resources, echoed with the fullUrl and id they were sent with (PAS spec-38), never
 * our copies of them. The ClaimResponse's references to our copies become those fullUrls; its request names the
 * Claim by fullUrl when that is a URL (else by identifier only: a {@code urn:uuid} would resolve nowhere); a
 * reference to anything else of ours becomes an absolute URL here. A legacy {@code queued} outcome goes out in
 * its 2.2 form.
 */
final class WireBundles {
	/** The profiles one kind of answer claims. */
	enum Kind {
		SUBMIT_RESPONSE(Pas.RESPONSE_BUNDLE, Pas.CLAIM_RESPONSE),
		INQUIRY_RESPONSE(Pas.INQUIRY_RESPONSE_BUNDLE, Pas.CLAIM_INQUIRY_RESPONSE);

		private final String bundleProfile;
		private final String responseProfile;

		Kind(String bundleProfile, String responseProfile) {
			this.bundleProfile = bundleProfile;
			this.responseProfile = responseProfile;
		}
	}

	private final FhirContext fhirContext;
	private final String serverBase;
	private final Kind kind;

	WireBundles(FhirContext fhirContext, String serverBase, Kind kind) {
		this.fhirContext = fhirContext;
		this.serverBase = serverBase;
		this.kind = kind;
	}

	/**
	 * The answer as it stands, with the payer's requests for documents (PAS Task, CommunicationRequests) after the
	 * ClaimResponse: the provider learns of them from the answer it already reads (sync answer, inquiry, notification).
	 *
	 * @param identifier the answer's Bundle.identifier (PAS echoes the request's)
	 */
	Bundle answer(Receipt receipt, Identifier identifier, Date timestamp) {
		ClaimResponse stored = receipt.response();
		Map<String, String> originals = originals(stored, receipt.received());
		ClaimResponse wire = wireResponse(stored, originals);
		Bundle answer = new Bundle().setType(Bundle.BundleType.COLLECTION).setIdentifier(identifier.copy()).setTimestamp(timestamp);
		answer.getMeta().addProfile(kind.bundleProfile);
		answer.addEntry().setFullUrl(serverBase + "/ClaimResponse/" + stored.getIdElement().getIdPart()).setResource(wire);
		List<Resource> sent = new ArrayList<>(List.of(wire));
		for (Resource request : receipt.requests()) {
			Resource copy = wireCopy(request, originals, request instanceof Task ? Pas.TASK : Pas.COMMUNICATION_REQUEST);
			answer.addEntry().setFullUrl(serverBase + "/" + request.fhirType() + "/" + request.getIdElement().getIdPart()).setResource(copy);
			sent.add(copy);
		}
		BundleIndex index = new BundleIndex(receipt.received());
		for (int echoed : echoed(sent, wire.getRequest(), index)) {
			Bundle.BundleEntryComponent entry = index.entry(echoed);
			answer.addEntry().setFullUrl(entry.getFullUrl()).setResource(entry.getResource().copy());
		}
		return answer;
	}

	/**
	 * The answer without requests for documents, for a ClaimResponse read on its own.
	 *
	 * @param received the submission's Bundle as it was received
	 */
	Bundle answer(ClaimResponse stored, Bundle received, Identifier identifier, Date timestamp) {
		Submission submission = Submission.owning(stored.getIdElement().getIdPart());
		return answer(new Receipt(submission, "", timestamp, stored, received, List.of()), identifier, timestamp);
	}

	/** {@code Type/id} of each of our copies → the fullUrl it was received with. */
	private static Map<String, String> originals(ClaimResponse stored, Bundle received) {
		Submission submission = Submission.owning(stored.getIdElement().getIdPart());
		Map<String, String> originals = new HashMap<>();
		for (Bundle.BundleEntryComponent entry : received.getEntry()) {
			originals.put(submission.copyReference(entry.getResource(), entry.getFullUrl()), entry.getFullUrl());
		}
		return originals;
	}

	private ClaimResponse wireResponse(ClaimResponse stored, Map<String, String> originals) {
		ClaimResponse wire = (ClaimResponse) wireCopy(stored, originals, kind.responseProfile);
		Reference request = wire.getRequest();
		if (request.hasReference() && !request.getReference().startsWith("http")) {
			request.setReference(null);
		}
		LegacyOutcomes.normalize(wire);
		return wire;
	}

	/**
	 * A stored resource as sent: the one profile it is sent under, and its references to our copies of received
	 * resources made the fullUrls they were received with; a reference to anything else of ours made absolute here.
	 */
	private Resource wireCopy(Resource stored, Map<String, String> originals, String profile) {
		Resource wire = stored.copy();
		wire.setMeta(new Meta().addProfile(profile).setVersionId(stored.getMeta().getVersionId())
				.setLastUpdated(stored.getMeta().getLastUpdated()));
		for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(wire, Reference.class)) {
			String value = reference.getReference();
			if (value == null || value.startsWith("#") || BundleIndex.isAbsolute(value)) {
				continue;
			}
			reference.setReference(originals.containsKey(value) ? originals.get(value) : serverBase + "/" + value);
		}
		return wire;
	}

	/** The received entries the answer's resources reference, and those they reference, in the Bundle's order; no Claim. */
	private TreeSet<Integer> echoed(List<Resource> sent, Reference request, BundleIndex index) {
		FhirTerser terser = fhirContext.newTerser();
		TreeSet<Integer> echoed = new TreeSet<>();
		Deque<Integer> toVisit = new ArrayDeque<>();
		for (Resource resource : sent) {
			for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
				if (reference != request) {
					index.resolve(reference.getReference(), -1).ifPresent(toVisit::add);
				}
			}
		}
		while (!toVisit.isEmpty()) {
			int next = toVisit.poll();
			Resource resource = index.entry(next).getResource();
			if (resource instanceof Claim || !echoed.add(next)) {
				continue;
			}
			for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
				Optional<Integer> target = index.resolve(reference.getReference(), next);
				target.filter(found -> !echoed.contains(found)).ifPresent(toVisit::add);
			}
		}
		return echoed;
	}
}
