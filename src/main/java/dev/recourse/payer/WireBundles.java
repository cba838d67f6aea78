package dev.recourse.payer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
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
	 * @param stored the ClaimResponse as this server keeps it
	 * @param received the submission's Bundle as it was received
	 * @param identifier the answer's Bundle.identifier (PAS echoes the request's)
	 */
	Bundle answer(ClaimResponse stored, Bundle received, Identifier identifier, Date timestamp) {
		ClaimResponse wire = wireResponse(stored, originals(stored, received));
		Bundle answer = new Bundle().setType(Bundle.BundleType.COLLECTION).setIdentifier(identifier.copy()).setTimestamp(timestamp);
		answer.getMeta().addProfile(kind.bundleProfile);
		answer.addEntry().setFullUrl(serverBase + "/ClaimResponse/" + stored.getIdElement().getIdPart()).setResource(wire);
		BundleIndex index = new BundleIndex(received);
		for (int echoed : echoed(wire, index)) {
			Bundle.BundleEntryComponent entry = index.entry(echoed);
			answer.addEntry().setFullUrl(entry.getFullUrl()).setResource(entry.getResource().copy());
		}
		return answer;
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
		ClaimResponse wire = stored.copy();
		wire.setMeta(new Meta().addProfile(kind.responseProfile).setVersionId(stored.getMeta().getVersionId())
				.setLastUpdated(stored.getMeta().getLastUpdated()));
		for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(wire, Reference.class)) {
			String value = reference.getReference();
			if (value == null || value.startsWith("#") || BundleIndex.isAbsolute(value)) {
				continue;
			}
			reference.setReference(originals.containsKey(value) ? originals.get(value) : serverBase + "/" + value);
		}
		Reference request = wire.getRequest();
		if (request.hasReference() && !request.getReference().startsWith("http")) {
			request.setReference(null);
		}
		LegacyOutcomes.normalize(wire);
		return wire;
	}

	/** The received entries the response references, and those they reference, in the Bundle's order; no Claim. */
	private TreeSet<Integer> echoed(ClaimResponse wire, BundleIndex index) {
		FhirTerser terser = fhirContext.newTerser();
		TreeSet<Integer> echoed = new TreeSet<>();
		Deque<Integer> toVisit = new ArrayDeque<>();
		for (Reference reference : terser.getAllPopulatedChildElementsOfType(wire, Reference.class)) {
			if (reference != wire.getRequest()) {
				index.resolve(reference.getReference(), -1).ifPresent(toVisit::add);
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
