package dev.recourse.conformance;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.Digests;
import java.util.List;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * What a validation verdict depends on: the profiles a resource is judged by (those asked for and those it claims)
 * and its content without what storing it sets (version, last updated, source, tags). So a Bundle validated against
 * its profile and then stored claiming that profile is one key.
 */
final class ValidationKey {
	private ValidationKey() {
	}

	static String of(FhirContext fhirContext, IBaseResource resource, String... profiles) {
		TreeSet<String> judgedBy = new TreeSet<>(List.of(profiles));
		resource.getMeta().getProfile().stream().map(IPrimitiveType::getValue).forEach(judgedBy::add);
		IBaseResource content = fhirContext.newTerser().clone(resource);
		content.getMeta().setVersionId(null);
		content.getMeta().setLastUpdated(null);
		content.getMeta().getTag().clear();
		if (content instanceof org.hl7.fhir.r4.model.Resource r4) {
			r4.getMeta().setSource(null);
		}
		return String.join(" ", judgedBy) + "|" + Digests.sha256Hex(fhirContext.newJsonParser().encodeResourceToString(content));
	}
}
