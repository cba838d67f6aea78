package dev.recourse.packet;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The PAS request Bundle around a request Claim: the Claim first, then every resource on this server it refers to,
 * and what those refer to, so each reference resolves inside the bundle (fullUrl = server base + Type/id).
 * Resources about to be stored with the packet (derived evidence) are taken as given. References to elsewhere (the EHR's Encounter…) stay as they are. A packet holds one Claim: a denial's link to
 * the denied request becomes the request's identifier (when that request is not on file, or the denial names none, the
 * denial's request identifier, else the payer's review number).
 */
final class PacketBundle {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-packet";
	private static final int MAX_RESOURCES = 2_000;
	/** Not evidence: audit and provenance records, and the case itself, are ours, not the payer's. */
	private static final Set<String> NOT_SENT = Set.of("Task", "Provenance", "AuditEvent", "Claim", "Endpoint", "Questionnaire");

	private PacketBundle() {
	}

	static Bundle collect(FhirContext fhirContext, Claim claim, String claimId, Map<String, Resource> unstored, IRepository store, String serverBase,
			Identifier identifier, Date timestamp) {
		claim.setId("Claim/" + claimId);
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.getMeta().addProfile(PROFILE);
		bundle.setIdentifier(identifier);
		bundle.setTimestamp(timestamp);
		return collect(fhirContext, bundle, claim, new Sources(unstored, store, serverBase));
	}

	/** Where the resources a bundle refers to are found: given (not stored yet), else read from the store; fullUrls under the server base. */
	record Sources(Map<String, Resource> unstored, IRepository store, String serverBase) {
	}

	/** Fills {@code bundle} with {@code root} (its id {@code Type/id}) and every local resource it refers to, transitively. */
	static Bundle collect(FhirContext fhirContext, Bundle bundle, Resource root, Sources sources) {
		Map<String, Resource> unstored = sources.unstored();
		IRepository store = sources.store();
		Map<String, Resource> included = new LinkedHashMap<>();
		included.put(root.getIdElement().getResourceType() + "/" + root.getIdElement().getIdPart(), root);
		Deque<Resource> toVisit = new ArrayDeque<>();
		toVisit.add(root);
		FhirTerser terser = fhirContext.newTerser();
		while (!toVisit.isEmpty()) {
			Resource resource = toVisit.poll();
			for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
				String target = local(reference);
				if (target == null || included.containsKey(target) || NOT_SENT.contains(target.substring(0, target.indexOf('/')))) {
					continue;
				}
				Resource found = unstored.containsKey(target) ? unstored.get(target) : read(store, target);
				if (found != null) {
					if (included.size() >= MAX_RESOURCES) {
						throw new IllegalStateException("A packet of more than " + MAX_RESOURCES + " resources");
					}
					included.put(target, found);
					toVisit.add(found);
				}
			}
		}
		included.forEach((reference, resource) -> bundle.addEntry().setFullUrl(sources.serverBase() + "/" + reference).setResource(resource));
		return bundle;
	}

	/** {@code Type/id} of a reference to this server, or null (absolute elsewhere, contained, logical). */
	private static String local(Reference reference) {
		String value = reference.getReference();
		if (value == null || value.startsWith("#") || value.contains("://") || value.startsWith("urn:")) {
			return null;
		}
		IdType id = new IdType(value);
		return id.hasResourceType() && id.hasIdPart() ? id.getResourceType() + "/" + id.getIdPart() : null;
	}

	private static Resource read(IRepository store, String target) {
		IdType id = new IdType(target);
		try {
			Resource resource = (Resource) store.read(resourceClass(store, id.getResourceType()), id);
			resource.setId(target);
			resource.setMeta(resource.getMeta().copy().setVersionId(null).setLastUpdated(null).setSource(null));
			if (resource instanceof ClaimResponse denial && (denial.getRequest().hasReference() || !denial.hasRequest())) {
				denial.setRequest(logicalRequest(store, denial));
			}
			return resource;
		} catch (BaseServerResponseException notReadable) {
			// deleted, or not the caller's to read: the validation of the bundle says what is missing
			return null;
		}
	}

	/**
	 * The denial's request by identifier: the stored Claim's, else — not on file, or not named at all, which PAS
	 * ClaimResponse does not allow (request 1..1) — the same link the packet's request Claim carries in original-request.
	 */
	private static Reference logicalRequest(IRepository store, ClaimResponse denial) {
		if (denial.getRequest().hasReference()) {
			try {
				return RequestClaimBuilder.logical(store.read(Claim.class, new IdType(denial.getRequest().getReference())));
			} catch (BaseServerResponseException notReadable) {
				// not on file: the packet's request was built from the case
			}
		}
		return ScratchRequest.originalRequest(denial).orElseGet(() -> new Reference().setType("Claim"));
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends IBaseResource> resourceClass(IRepository store, String type) {
		return store.fhirContext().getResourceDefinition(type).getImplementingClass();
	}
}
