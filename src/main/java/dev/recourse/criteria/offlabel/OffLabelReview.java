package dev.recourse.criteria.offlabel;

import dev.recourse.criteria.CriterionStatus;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/**
 * The off-label review of a criteria map: the label comparison, and the compendia judgement when the use is not
 * (known to be) labelled.
 */
public record OffLabelReview(Coding drug, String labelSource, List<String> labelledIndications, LabelComparison.Result label,
		Optional<CompendiaJudgement.Result> compendia) {
	public static final String URL = "http://recourse.dev/fhir/StructureDefinition/off-label-review";

	public CriterionStatus labelStatus() {
		return label.status();
	}

	public Optional<CriterionStatus> compendiaStatus() {
		return compendia.map(CompendiaJudgement.Result::status);
	}

	public Extension toExtension() {
		Extension review = new Extension(URL);
		review.addExtension("drug", new CodeableConcept(drug));
		review.addExtension("labelStatus", label.status().toConcept());
		review.addExtension("labelSource", new UriType(labelSource));
		labelledIndications.forEach(indication -> review.addExtension("labelledIndication", new StringType(indication)));
		label.findings().forEach(finding -> review.addExtension("finding", new StringType(finding)));
		label.evidence().forEach(reference -> review.addExtension("evidence", new Reference(reference)));
		compendia.ifPresent(judgement -> {
			review.addExtension("compendiaStatus", judgement.status().toConcept());
			judgement.findings().forEach(finding -> review.addExtension("finding", new StringType(finding)));
			judgement.evidence().forEach(reference -> review.addExtension("compendiaEvidence", new Reference(reference)));
		});
		label.gaps().forEach(gap -> review.addExtension("gap", new StringType(gap)));
		compendia.ifPresent(judgement -> judgement.gaps().forEach(gap -> review.addExtension("gap", new StringType(gap))));
		return review;
	}
}
