package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Resource;

/**
 * What makes a Bundle a PAS request at all, checked before the profile is: a collection, named by an identifier,
 * whose first entry is a Claim and every entry a resource with a fullUrl of its own. Each refusal is 422 naming the
 * element, in words that say what a PAS request looks like instead.
 */
final class RequestShape {
	/** More entries than any prior-authorization request carries: refused before anything reads them. */
	static final int MAX_ENTRIES = 2_000;

	private RequestShape() {
	}

	/** @param what the kind of Bundle expected, for the messages ("PAS request Bundle", "PAS inquiry Bundle") */
	static void check(Bundle bundle, String what) {
		if (bundle.getType() != Bundle.BundleType.COLLECTION) {
			throw refused("Bundle.type", "A " + what + " is a Bundle of type collection; this one is "
					+ (bundle.hasType() ? "of type " + bundle.getType().toCode() : "of no type"));
		}
		if (!bundle.hasIdentifier() || !bundle.getIdentifier().hasValue()) {
			throw refused("Bundle.identifier", "A " + what + " names itself with Bundle.identifier (system and value); "
					+ "it tells one submission from another, so sending it again never files twice");
		}
		List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
		checkEntries(entries, what);
		Resource first = entries.get(0).getResource();
		if (!(first instanceof Claim)) {
			throw refused("Bundle.entry[0].resource", "The first entry of a " + what + " is the Claim; this one starts with "
					+ describe(first));
		}
	}

	/** Some entries, not too many, each a resource with a fullUrl of its own. */
	private static void checkEntries(List<Bundle.BundleEntryComponent> entries, String what) {
		if (entries.isEmpty()) {
			throw refused("Bundle.entry", "A " + what + " holds the Claim and the resources it references; this one holds nothing");
		}
		if (entries.size() > MAX_ENTRIES) {
			throw refused("Bundle.entry", "A " + what + " of " + entries.size() + " entries is more than the " + MAX_ENTRIES + " accepted");
		}
		Set<String> fullUrls = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Bundle.BundleEntryComponent entry = entries.get(i);
			if (!entry.hasResource()) {
				throw refused("Bundle.entry[" + i + "].resource", "Every entry of a " + what + " holds a resource; entry " + i + " holds none");
			}
			if (!entry.hasFullUrl()) {
				throw refused("Bundle.entry[" + i + "].fullUrl", "Every entry of a " + what + " has a fullUrl (the resource's URL at the sender, "
						+ "or urn:uuid:…); entry " + i + " (" + describe(entry.getResource()) + ") has none");
			}
			if (!fullUrls.add(entry.getFullUrl())) {
				throw refused("Bundle.entry[" + i + "].fullUrl", "Each resource appears once in a " + what + "; the fullUrl "
						+ entry.getFullUrl() + " appears twice");
			}
		}
	}

	private static String describe(Resource resource) {
		return resource.fhirType() + (resource.getIdElement().hasIdPart() ? "/" + resource.getIdElement().getIdPart() : "");
	}

	private static RecourseException refused(String element, String message) {
		return new RecourseException(RecourseError.UNPROCESSABLE, element, message);
	}
}
