package dev.recourse.ehr.pull;

import dev.recourse.common.Digests;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.Set;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns resources as the EHR serves them into our copies. Each copy's id is derived from the case
 * patient, the EHR's base URL and the resource's type and id, so pulling again updates the same resources instead of adding
 * twins; it also carries the EHR's URL of the resource as an identifier and the EHR's base as
 * {@code meta.source}. References are rewritten: to the EHR's patient → the case patient; to another
 * resource of this pull → its copy; to anything else at the EHR → an absolute URL there, which is what
 * it is.
 */
final class LocalCopies {
	static final String URI_SYSTEM = "urn:ietf:rfc:3986";
	private final FhirTerser terser;
	private final String baseUrl;
	private final String ehrPatient;
	private final Reference casePatient;
	private final Set<String> pulled;

	/**
	 * @param ehrPatientId the patient's id at the EHR
	 * @param pulled {@code Type/id} at the EHR of every resource of this pull
	 */
	LocalCopies(FhirContext fhirContext, String baseUrl, String ehrPatientId, Reference casePatient, Set<String> pulled) {
		this.terser = fhirContext.newTerser();
		this.baseUrl = baseUrl;
		this.ehrPatient = "Patient/" + ehrPatientId;
		this.casePatient = casePatient;
		this.pulled = Set.copyOf(pulled);
	}

	/**
	 * Our id for a resource of the EHR at {@code baseUrl}, pulled for the case patient: stable, within FHIR's
	 * 64 characters. The case patient is part of it so that two of our Patients who turn out to be one
	 * person at the EHR each keep their own copy, instead of one record moving between them.
	 */
	String localId(String type, String id) {
		return "ehr-" + Digests.sha256Hex(casePatient.getReference() + "|" + baseUrl + "/" + type + "/" + id).substring(0, 40);
	}

	/** The EHR's URL of a resource, the value of the identifier its copy carries. */
	String sourceUrl(String type, String id) {
		return baseUrl + "/" + type + "/" + id;
	}

	Resource copy(Resource pulledResource) {
		Resource copy = pulledResource.copy();
		String type = copy.fhirType();
		String sourceId = pulledResource.getIdElement().getIdPart();
		copy.setId(new IdType(type, localId(type, sourceId)));
		copy.setMeta(new Meta().setSource(baseUrl).setProfile(pulledResource.getMeta().getProfile()));
		addSourceIdentifier(copy, sourceUrl(type, sourceId));
		for (Reference reference : terser.getAllPopulatedChildElementsOfType(copy, Reference.class)) {
			rewrite(reference);
		}
		return copy;
	}

	private void rewrite(Reference reference) {
		String value = reference.getReference();
		if (value == null || value.startsWith("#")) {
			return;
		}
		IdType target = new IdType(value);
		if (target.isAbsolute() && !value.startsWith(baseUrl + "/") || !target.hasResourceType() || !target.hasIdPart()) {
			reference.setReference(target.isAbsolute() ? value : null);
			return;
		}
		String key = target.getResourceType() + "/" + target.getIdPart();
		if (key.equals(ehrPatient)) {
			reference.setReference(casePatient.getReference());
		} else if (pulled.contains(key)) {
			reference.setReference(key.substring(0, key.indexOf('/') + 1) + localId(target.getResourceType(), target.getIdPart()));
		} else {
			reference.setReference(sourceUrl(target.getResourceType(), target.getIdPart()));
		}
	}

	private static void addSourceIdentifier(Resource copy, String url) {
		if (copy instanceof DomainResource && copy.getNamedProperty("identifier") != null) {
			boolean present = copy.getNamedProperty("identifier").getValues().stream()
					.anyMatch(value -> value instanceof Identifier identifier && URI_SYSTEM.equals(identifier.getSystem())
							&& url.equals(identifier.getValue()));
			if (!present) {
				copy.setProperty("identifier", new Identifier().setSystem(URI_SYSTEM).setValue(url));
			}
		}
	}

}
