package dev.recourse.ehr.fake;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * Reads a third-party transaction or collection Bundle from the classpath as an EHR would hold it: each
 * resource keeps its id (or takes the uuid of its {@code urn:uuid:} fullUrl), and every {@code urn:uuid:}
 * reference becomes {@code Type/id}.
 */
final class BundleLoader {
	private static final String UUID_PREFIX = "urn:uuid:";

	private final FhirContext fhir;

	BundleLoader(FhirContext fhir) {
		this.fhir = fhir;
	}

	List<IBaseResource> load(String classpathResource) {
		Bundle bundle = parse(classpathResource);
		Map<String, String> localIds = new HashMap<>();
		List<IBaseResource> resources = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			IBaseResource resource = entry.getResource();
			if (resource == null) {
				continue;
			}
			String type = fhir.getResourceType(resource);
			String id = idOf(resource, entry.getFullUrl());
			resource.setId(new IdType(type, id));
			if (entry.getFullUrl() != null) {
				localIds.put(entry.getFullUrl(), type + "/" + id);
			}
			resources.add(resource);
		}
		resources.forEach(resource -> rewriteReferences(resource, localIds));
		return resources;
	}

	private Bundle parse(String classpathResource) {
		try (InputStream in = BundleLoader.class.getClassLoader().getResourceAsStream(classpathResource)) {
			if (in == null) {
				throw new IllegalArgumentException("no bundle on the classpath at " + classpathResource);
			}
			return fhir.newJsonParser().setOverrideResourceIdWithBundleEntryFullUrl(false).parseResource(Bundle.class, in);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + classpathResource, e);
		}
	}

	private static String idOf(IBaseResource resource, String fullUrl) {
		if (resource.getIdElement().hasIdPart()) {
			return resource.getIdElement().getIdPart();
		}
		if (fullUrl != null && fullUrl.startsWith(UUID_PREFIX)) {
			return fullUrl.substring(UUID_PREFIX.length());
		}
		return UUID.randomUUID().toString();
	}

	private void rewriteReferences(IBaseResource resource, Map<String, String> localIds) {
		FhirTerser terser = fhir.newTerser();
		for (IBaseReference reference : terser.getAllPopulatedChildElementsOfType(resource, IBaseReference.class)) {
			String target = reference.getReferenceElement().getValue();
			if (target != null && target.startsWith(UUID_PREFIX) && localIds.containsKey(target)) {
				reference.setReference(localIds.get(target));
			}
		}
	}
}
