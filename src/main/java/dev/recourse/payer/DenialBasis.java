package dev.recourse.payer;

import java.util.List;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * Which coverage-policy criteria drove a denial or a modification: the policy ({@code url|version}) and its criteria,
 * carried on each decided item as {@code decision-criterion} — what PAS's X12 886 code and free text cannot say.
 */
record DenialBasis(String policy, List<Criterion> criteria) {
	static final String EXTENSION = "http://recourse.dev/fhir/StructureDefinition/decision-criterion";
	static final DenialBasis NONE = new DenialBasis(null, List.of());

	/** A criterion by its stable id within the policy, with the policy's wording of it. */
	record Criterion(String id, String text) {
	}

	DenialBasis {
		criteria = List.copyOf(criteria);
	}

	List<Extension> extensions() {
		return criteria.stream().map(this::extension).toList();
	}

	private Extension extension(Criterion criterion) {
		Extension extension = new Extension(EXTENSION);
		extension.addExtension("policy", new CanonicalType(policy));
		extension.addExtension("criterionId", new StringType(criterion.id()));
		if (criterion.text() != null && !criterion.text().isBlank()) {
			extension.addExtension("text", new StringType(criterion.text()));
		}
		return extension;
	}
}
