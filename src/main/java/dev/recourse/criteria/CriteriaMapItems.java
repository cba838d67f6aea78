package dev.recourse.criteria;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/** Reading a stored criteria map's items, for the features that build on the map (letter, packet). */
public final class CriteriaMapItems {
	private CriteriaMapItems() {
	}

	/** The criterion's status: on its answer, or on the item when it has none; unknown when neither says. */
	public static String status(QuestionnaireResponseItemComponent item) {
		Extension status = item.hasAnswer() ? item.getAnswerFirstRep().getExtensionByUrl(PolicyExtensions.CRITERION_STATUS)
				: item.getExtensionByUrl(PolicyExtensions.CRITERION_STATUS);
		return status != null && status.getValue() instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : "unknown";
	}

	public static Optional<String> criterionId(QuestionnaireResponseItemComponent item) {
		Extension id = item.getExtensionByUrl(PolicyExtensions.CRITERION_ID);
		return id == null ? Optional.empty() : Optional.ofNullable(id.getValue().primitiveValue());
	}

	/** Whether a person answered the item (DTR information-origin override or manual). */
	public static boolean answeredByPerson(QuestionnaireResponseItemComponent item) {
		return CriteriaMapWriter.answeredByPerson(item);
	}

	public static boolean isCriterion(QuestionnaireResponseItemComponent item) {
		return item.getExtensionByUrl(PolicyExtensions.CRITERION_ID) != null;
	}
}
