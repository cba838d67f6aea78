package dev.recourse.demo;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns a bundle (transaction or collection) into a transaction that can run any number of times with
 * the same result: every entry is a PUT of a fixed id, taken from the resource or else from its
 * {@code urn:uuid:} full URL, so references between entries still resolve.
 */
final class IdempotentTransaction {
	private static final String UUID_PREFIX = "urn:uuid:";

	private IdempotentTransaction() {}

	static Bundle of(Bundle source) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (BundleEntryComponent entry : source.getEntry()) {
			Resource resource = entry.getResource();
			String id = fixedId(entry);
			resource.setId(id);
			transaction.addEntry()
					.setFullUrl(entry.hasFullUrl() ? entry.getFullUrl() : resource.fhirType() + "/" + id)
					.setResource(resource)
					.getRequest()
					.setMethod(HTTPVerb.PUT)
					.setUrl(resource.fhirType() + "/" + id);
		}
		return transaction;
	}

	private static String fixedId(BundleEntryComponent entry) {
		Resource resource = entry.getResource();
		if (resource.getIdElement().hasIdPart() && !resource.getIdElement().getIdPart().startsWith("urn")) {
			return resource.getIdElement().getIdPart();
		}
		String fullUrl = entry.getFullUrl();
		if (fullUrl != null && fullUrl.startsWith(UUID_PREFIX)) {
			return fullUrl.substring(UUID_PREFIX.length());
		}
		throw new IllegalArgumentException("Entry " + resource.fhirType() + " has neither an id nor a urn:uuid fullUrl");
	}
}
