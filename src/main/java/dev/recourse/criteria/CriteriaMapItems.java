package dev.recourse.criteria;

import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/** Reading a stored criteria map's items, for the features that build on the map (letter, packet). */
public final class CriteriaMapItems {
	/** DTR's information-origin extension on an answer: where it came from (auto, override, manual) and who gave it. */
	public static final String INFORMATION_ORIGIN = PolicyExtensions.INFORMATION_ORIGIN;
	/** Our extension on an answer a specialist gave: why they answered it so. */
	public static final String OVERRIDE_REASON = PolicyExtensions.OVERRIDE_REASON;

	private CriteriaMapItems() {
	}

	/** The references to the people who gave the item's answers (information-origin author parts), in answer order. */
	public static java.util.List<org.hl7.fhir.r4.model.Reference> answerAuthors(QuestionnaireResponseItemComponent item) {
		return item.getAnswer().stream().map(answer -> answer.getExtensionByUrl(INFORMATION_ORIGIN)).filter(origin -> origin != null)
				.flatMap(origin -> origin.getExtensionsByUrl("author").stream()).flatMap(author -> author.getExtension().stream())
				.map(Extension::getValue).filter(org.hl7.fhir.r4.model.Reference.class::isInstance)
				.map(org.hl7.fhir.r4.model.Reference.class::cast).toList();
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
