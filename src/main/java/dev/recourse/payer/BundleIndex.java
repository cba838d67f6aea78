package dev.recourse.payer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where a reference made inside a Bundle points, by FHIR's rules for resolving references in Bundles: an absolute
 * URL or a {@code urn:} is the entry with that fullUrl; a relative {@code Type/id} is resolved against the base of the
 * referring entry's fullUrl when that is a RESTful URL, and else is the one entry of that type and id.
 */
final class BundleIndex {
	private final List<Bundle.BundleEntryComponent> entries;
	private final Map<String, Integer> byFullUrl = new HashMap<>();
	private final Map<String, Integer> byTypeAndId = new HashMap<>();

	BundleIndex(Bundle bundle) {
		this.entries = bundle.getEntry();
		Set<String> ambiguous = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			Bundle.BundleEntryComponent entry = entries.get(i);
			if (entry.hasFullUrl()) {
				byFullUrl.putIfAbsent(entry.getFullUrl(), i);
			}
			Resource resource = entry.getResource();
			if (resource != null && resource.getIdElement().hasIdPart()) {
				String key = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
				if (byTypeAndId.putIfAbsent(key, i) != null) {
					ambiguous.add(key);
				}
			}
		}
		ambiguous.forEach(byTypeAndId::remove);
	}

	int size() {
		return entries.size();
	}

	Bundle.BundleEntryComponent entry(int index) {
		return entries.get(index);
	}

	/**
	 * The entry a reference points at.
	 *
	 * @param from the index of the entry the reference is made in, or -1 when it is made outside the Bundle
	 */
	Optional<Integer> resolve(String reference, int from) {
		if (reference == null || reference.isBlank() || reference.startsWith("#")) {
			return Optional.empty();
		}
		if (isAbsolute(reference)) {
			return Optional.ofNullable(byFullUrl.get(reference)).or(() -> Optional.ofNullable(byFullUrl.get(versionless(reference))));
		}
		IdType id = new IdType(reference);
		if (!id.hasResourceType() || !id.hasIdPart()) {
			return Optional.empty();
		}
		String typeAndId = id.getResourceType() + "/" + id.getIdPart();
		Optional<String> base = from < 0 ? Optional.empty() : restfulBase(entries.get(from).getFullUrl());
		if (base.isPresent()) {
			return Optional.ofNullable(byFullUrl.get(base.get() + "/" + typeAndId));
		}
		return Optional.ofNullable(byTypeAndId.get(typeAndId));
	}

	/**
	 * What a reference that points at no entry names: an absolute URL as it is; a relative one made in an entry with a
	 * RESTful fullUrl, at that entry's server; anything else nothing (empty).
	 */
	Optional<String> absolute(String reference, int from) {
		if (reference.startsWith("http://") || reference.startsWith("https://")) {
			return Optional.of(reference);
		}
		if (isAbsolute(reference) || from < 0) {
			return Optional.empty();
		}
		return restfulBase(entries.get(from).getFullUrl()).map(base -> base + "/" + reference);
	}

	/** The server base of a RESTful fullUrl ({@code http://host/fhir/Patient/1} → {@code http://host/fhir}). */
	static Optional<String> restfulBase(String fullUrl) {
		if (fullUrl == null || !(fullUrl.startsWith("http://") || fullUrl.startsWith("https://"))) {
			return Optional.empty();
		}
		IdType id = new IdType(fullUrl);
		return id.hasBaseUrl() && id.hasResourceType() && id.hasIdPart() ? Optional.of(id.getBaseUrl()) : Optional.empty();
	}

	static boolean isAbsolute(String reference) {
		return reference.contains("://") || reference.startsWith("urn:");
	}

	private static String versionless(String url) {
		int history = url.indexOf("/_history/");
		return history < 0 ? url : url.substring(0, history);
	}
}
