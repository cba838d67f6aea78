package dev.recourse.metrics;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/**
 * How the read model names an organization: by its identifier ({@code system|value}) when the reference or the
 * Organization carries one — ids differ between the EHR, a payer's copies and our store, an NPI or payer id does not —
 * else by the reference itself, else its display.
 */
final class OrgKeys {
	private OrgKeys() {
	}

	static String of(Reference reference) {
		if (reference.hasIdentifier() && reference.getIdentifier().hasValue()) {
			return key(reference.getIdentifier());
		}
		if (reference.hasReference()) {
			return reference.getReferenceElement().toUnqualifiedVersionless().getValue();
		}
		return reference.hasDisplay() ? reference.getDisplay() : null;
	}

	/** The Organization's own key: its first identifier with a value, else its reference. */
	static String of(Organization organization) {
		return organization.getIdentifier().stream().filter(Identifier::hasValue).findFirst().map(OrgKeys::key)
				.orElse("Organization/" + organization.getIdElement().getIdPart());
	}

	static String key(Identifier identifier) {
		return identifier.hasSystem() ? identifier.getSystem() + "|" + identifier.getValue() : identifier.getValue();
	}
}
