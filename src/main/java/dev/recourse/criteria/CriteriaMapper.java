package dev.recourse.criteria;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.casework.Cases;
import dev.recourse.common.Digests;
import dev.recourse.criteria.offlabel.OffLabelReview;
import dev.recourse.criteria.offlabel.OffLabelReviewer;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$map-criteria}: read the case and its patient → choose the policy → judge each criterion
 * against the chart → keep what a specialist answered in the earlier map → store the map (one per case and
 * policy, so re-evaluation updates it) and link it from the case, in one transaction → return it.
 */
@Service
class CriteriaMapper {
	private static final String ARTIFACT_TYPES = "http://recourse.dev/fhir/CodeSystem/artifact-type";
	private final LocalRepositories repositories;
	private final PolicyChooser chooser;
	private final PolicyEvaluation evaluation;
	private final OffLabelReviewer offLabel;
	private final Clock clock = Clock.systemUTC();

	CriteriaMapper(LocalRepositories repositories, PolicyChooser chooser, PolicyEvaluation evaluation, OffLabelReviewer offLabel) {
		this.repositories = repositories;
		this.chooser = chooser;
		this.evaluation = evaluation;
		this.offLabel = offLabel;
	}

	QuestionnaireResponse map(IdType caseId, Optional<String> policyCanonical, RequestDetails request) {
		IRepository store = repositories.forRequest(request);
		Task caseTask = Cases.readOpen(store, caseId);
		Patient patient = store.read(Patient.class, new IdType(caseTask.getFor().getReference()));
		Questionnaire policy = chooser.choose(policyCanonical, caseTask, store);
		List<CriterionResult> results = evaluation.evaluate(policy, patient, store);
		String mapId = "map-" + Digests.sha256Hex(caseTask.getIdElement().getIdPart() + "|" + policy.getUrl()).substring(0, 40);
		QuestionnaireResponse map = CriteriaMapWriter.write(policy, caseTask.getFor(), results, personAnswers(store, mapId),
				DtrContext.of(caseTask, policy, store), clock.instant());
		map.setId(mapId);
		offLabel.review(policy, caseTask, patient, store).map(OffLabelReview::toExtension).ifPresent(map::addExtension);
		store.transaction(transaction(map, caseTask));
		return store.read(QuestionnaireResponse.class, new IdType("QuestionnaireResponse", mapId));
	}

	private static Map<String, QuestionnaireResponse.QuestionnaireResponseItemComponent> personAnswers(IRepository store, String mapId) {
		Map<String, QuestionnaireResponse.QuestionnaireResponseItemComponent> kept = new LinkedHashMap<>();
		try {
			store.read(QuestionnaireResponse.class, new IdType("QuestionnaireResponse", mapId)).getItem().stream()
					.filter(CriteriaMapWriter::answeredByPerson)
					.forEach(item -> kept.put(item.getLinkId(), item));
		} catch (ResourceNotFoundException | ResourceGoneException first) {
			// the case's first map for this policy
		}
		return kept;
	}

	private static Bundle transaction(QuestionnaireResponse map, Task caseTask) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String mapUrl = "QuestionnaireResponse/" + map.getIdElement().getIdPart();
		bundle.addEntry().setResource(map).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(mapUrl);
		boolean linked = caseTask.getOutput().stream()
				.anyMatch(output -> output.getValue() instanceof Reference reference && mapUrl.equals(reference.getReference()));
		if (!linked) {
			// the case follows one policy at a time (RecourseCase: one criteria-map output): the latest map takes the place
			Task updated = caseTask.copy();
			updated.getOutput().removeIf(output -> output.getType().getCoding().stream().anyMatch(coding -> "criteria-map".equals(coding.getCode())));
			updated.addOutput().setValue(new Reference(mapUrl)).getType().addCoding(new Coding(ARTIFACT_TYPES, "criteria-map", "Criteria map"));
			String taskUrl = "Task/" + caseTask.getIdElement().getIdPart();
			bundle.addEntry().setResource(updated).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(taskUrl)
					.setIfMatch("W/\"" + caseTask.getIdElement().getVersionIdPart() + "\"");
		}
		return bundle;
	}
}
