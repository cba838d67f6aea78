package dev.recourse.letter;

import dev.recourse.criteria.offlabel.OffLabelReview;
import dev.recourse.letter.LetterContent.OffLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/** The off-label section, from the map's off-label-review extension, when the documented use is not labelled (known). */
final class OffLabelFacts {
	private OffLabelFacts() {
	}

	static Optional<OffLabel> offLabel(Optional<QuestionnaireResponse> map) {
		Extension review = map.map(qr -> qr.getExtensionByUrl(OffLabelReview.URL)).orElse(null);
		if (review == null || "met".equals(code(review, "labelStatus"))) {
			return Optional.empty();
		}
		List<String> indications = review.getExtensionsByUrl("labelledIndication").stream()
				.map(extension -> extension.getValue().primitiveValue()).filter(text -> text != null && !text.isBlank()).toList();
		// OffLabelReview.toExtension writes the label's findings before compendiaStatus and the compendia's after it
		List<String> labelFindings = new ArrayList<>();
		List<String> compendiaFindings = new ArrayList<>();
		boolean compendia = false;
		for (Extension part : review.getExtension()) {
			if ("compendiaStatus".equals(part.getUrl())) {
				compendia = true;
			} else if ("finding".equals(part.getUrl()) && part.getValue() != null && part.getValue().primitiveValue() != null) {
				(compendia ? compendiaFindings : labelFindings).add(part.getValue().primitiveValue());
			}
		}
		return Optional.of(new OffLabel(indications, joined(labelFindings), joined(compendiaFindings)));
	}

	private static Fact<String> joined(List<String> findings) {
		return Fact.ofNullable(findings.isEmpty() ? null : String.join(" ", findings));
	}

	private static String code(Extension review, String part) {
		Extension extension = review.getExtensionByUrl(part);
		return extension != null && extension.getValue() instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : null;
	}
}
