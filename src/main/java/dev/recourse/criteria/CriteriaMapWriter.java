package dev.recourse.criteria;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Criterion results → a RecourseCriteriaMap QuestionnaireResponse: per criterion its status, the answer
 * (absent when unknown) with DTR's information-origin {@code auto} and the evidence references, and for a
 * criterion not met or unknown the gap to close. Items a specialist answered (origin override or manual)
 * are carried over as they were.
 */
final class CriteriaMapWriter {
	static final String PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-criteria-map";
	static final String QR_CONTEXT = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/qr-context";
	static final String INTENDED_USE = "http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/intendedUse";
	static final String CRD_COVERAGE_INFORMATION = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp";

	private CriteriaMapWriter() {
	}

	/**
	 * @param kept items answered by a person in the earlier map, by linkId
	 * @param context DTR's qr-context: the coverage and the order
	 */
	static QuestionnaireResponse write(Questionnaire policy, Reference patient, List<CriterionResult> results,
			Map<String, QuestionnaireResponse.QuestionnaireResponseItemComponent> kept, List<Reference> context, Instant now) {
		QuestionnaireResponse map = new QuestionnaireResponse();
		map.getMeta().addProfile(PROFILE);
		context.forEach(reference -> map.addExtension(QR_CONTEXT, reference.copy()));
		map.addExtension(INTENDED_USE, new CodeableConcept(new Coding(CRD_COVERAGE_INFORMATION, "withpa", "Include in prior authorization")));
		map.setQuestionnaire(policy.getUrl() + "|" + policy.getVersion());
		map.setSubject(patient.copy());
		map.setAuthored(Date.from(now));
		for (CriterionResult result : results) {
			map.addItem(kept.containsKey(result.linkId()) ? kept.get(result.linkId()).copy() : item(result));
		}
		// a criterion nobody could answer yet leaves the map in progress: its required item awaits data or a specialist
		boolean answered = map.getItem().stream().allMatch(QuestionnaireResponse.QuestionnaireResponseItemComponent::hasAnswer);
		map.setStatus(answered ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
				: QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
		return map;
	}

	private static QuestionnaireResponse.QuestionnaireResponseItemComponent item(CriterionResult result) {
		QuestionnaireResponse.QuestionnaireResponseItemComponent item = new QuestionnaireResponse.QuestionnaireResponseItemComponent();
		item.setLinkId(result.linkId()).setText(result.text());
		item.addExtension(PolicyExtensions.CRITERION_ID, new StringType(result.criterionId()));
		if (result.answer().isEmpty()) {
			item.addExtension(PolicyExtensions.CRITERION_STATUS, result.status().toConcept());
		} else {
			QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.addAnswer().setValue(new BooleanType(result.answer().get()));
			Extension origin = answer.addExtension().setUrl(PolicyExtensions.INFORMATION_ORIGIN);
			origin.addExtension("source", new CodeType("auto"));
			answer.addExtension(PolicyExtensions.CRITERION_STATUS, result.status().toConcept());
			result.evidence().forEach(reference -> answer.addExtension(PolicyExtensions.EVIDENCE, new Reference(reference)));
		}
		if (result.status() != CriterionStatus.MET) {
			result.gap().ifPresent(gap -> item.addExtension(PolicyExtensions.CRITERION_GAP, new StringType(gap)));
		}
		return item;
	}

	/** Whether a person answered the item (DTR information-origin override or manual): such answers survive re-evaluation. */
	static boolean answeredByPerson(QuestionnaireResponse.QuestionnaireResponseItemComponent item) {
		return item.getAnswer().stream()
				.map(answer -> answer.getExtensionByUrl(PolicyExtensions.INFORMATION_ORIGIN))
				.filter(origin -> origin != null && origin.getExtensionByUrl("source") != null)
				.map(origin -> origin.getExtensionByUrl("source").getValue().primitiveValue())
				.anyMatch(source -> "override".equals(source) || "manual".equals(source));
	}
}
