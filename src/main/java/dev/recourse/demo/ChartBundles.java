package dev.recourse.demo;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads a Bundle from the classpath as a system holds its resources: each keeps its id, or takes the uuid of its
 * {@code urn:uuid:} fullUrl, and every reference to another entry's {@code urn:uuid:} becomes {@code Type/id}.
 */
final class ChartBundles {
	private static final String UUID_PREFIX = "urn:uuid:";

	private ChartBundles() {
	}

	static List<Resource> read(FhirContext fhirContext, String classpathResource) {
		Bundle bundle = parse(fhirContext, classpathResource);
		Map<String, String> local = new HashMap<>();
		List<Resource> resources = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null) {
				continue;
			}
			String id = idOf(resource, entry.getFullUrl(), classpathResource);
			resource.setId(new IdType(resource.fhirType(), id));
			if (entry.hasFullUrl()) {
				local.put(entry.getFullUrl(), resource.fhirType() + "/" + id);
			}
			resources.add(resource);
		}
		for (Resource resource : resources) {
			for (IBaseReference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(resource, IBaseReference.class)) {
				String target = reference.getReferenceElement().getValue();
				if (target != null && local.containsKey(target) && target.startsWith(UUID_PREFIX)) {
					reference.setReference(local.get(target));
				}
			}
		}
		return resources;
	}

	private static Bundle parse(FhirContext fhirContext, String classpathResource) {
		try (InputStream in = ChartBundles.class.getClassLoader().getResourceAsStream(classpathResource)) {
			if (in == null) {
				throw new IllegalStateException("No bundle on the classpath at " + classpathResource);
			}
			return fhirContext.newJsonParser().setOverrideResourceIdWithBundleEntryFullUrl(false).parseResource(Bundle.class, in);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + classpathResource, e);
		}
	}

	private static String idOf(Resource resource, String fullUrl, String file) {
		if (resource.getIdElement().hasIdPart()) {
			return resource.getIdElement().getIdPart();
		}
		if (fullUrl != null && fullUrl.startsWith(UUID_PREFIX)) {
			return fullUrl.substring(UUID_PREFIX.length());
		}
		throw new IllegalStateException(file + ": a " + resource.fhirType() + " has neither an id nor a urn:uuid fullUrl");
	}
}
