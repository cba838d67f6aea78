package dev.recourse.evidence;

import dev.recourse.denial.Citation;
import org.hl7.fhir.r4.model.Coding;

/**
 * One row of {@code rules/evidence-sources.yaml}: a source resource type, and optionally a category code it
 * must carry, → the evidence type and the LOINC document type of its evidence DocumentReference.
 *
 * @param resource a resource type, or {@code *} for any
 * @param category a category code the source must carry (any system), or null for any
 */
record EvidenceSourceRule(String resource, String category, EvidenceType evidenceType, Coding documentType, Citation citation) {
	static final String LOINC = "http://loinc.org";
	static final String ANY = "*";

	boolean matches(String resourceType, java.util.Collection<String> categoryCodes) {
		return (ANY.equals(resource) || resource.equals(resourceType)) && (category == null || categoryCodes.contains(category));
	}
}
