package dev.recourse.submission;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** What submission reads in a packet (or a payer's response) Bundle: its Claim, and what a reference points at inside it. */
final class PacketParts {
	static final String CERTIFICATION_TYPE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-certificationType";

	private PacketParts() {
	}

	static Claim claim(Bundle packet) {
		return packet.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Claim.class::isInstance)
				.map(Claim.class::cast).findFirst().orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE,
						"Bundle.entry", "The packet holds no Claim; assemble it again ($assemble)"));
	}

	/** The PAS certification type codes (X12 1322) on the packet Claim's items: 1/2 appeal, I initial. */
	static List<String> certificationTypes(Bundle packet) {
		return claim(packet).getItem().stream().flatMap(item -> item.getExtensionsByUrl(CERTIFICATION_TYPE).stream())
				.map(Extension::getValue).filter(CodeableConcept.class::isInstance)
				.flatMap(value -> ((CodeableConcept) value).getCoding().stream()).map(Coding::getCode).filter(code -> code != null).toList();
	}

	/** The entry a relative ({@code Type/id}) or full-URL reference names, when the bundle holds it. */
	static <T extends Resource> Optional<T> resolve(Bundle bundle, Reference reference, Class<T> type) {
		if (!reference.hasReference()) {
			return Optional.empty();
		}
		IdType target = new IdType(reference.getReference());
		return bundle.getEntry().stream()
				.filter(entry -> reference.getReference().equals(entry.getFullUrl()) || sameId(entry.getResource(), target))
				.map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).findFirst();
	}

	private static boolean sameId(Resource resource, IdType target) {
		return resource != null && resource.fhirType().equals(target.getResourceType())
				&& resource.getIdElement().getIdPart() != null && resource.getIdElement().getIdPart().equals(target.getIdPart());
	}
}
