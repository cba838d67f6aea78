package dev.recourse.criteria;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.Cases;
import dev.recourse.common.Digests;
import dev.recourse.criteria.offlabel.OffLabelReview;
import dev.recourse.criteria.offlabel.OffLabelReviewer;
import dev.recourse.security.audit.OperationReads;
import dev.recourse.server.LocalRepositories;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Service;

/**
 * {@code Task/[id]/$map-criteria}: read the case and its patient → choose the policy → judge each criterion
 * against the chart → keep what a specialist answered in the earlier map → store the map (one per case and
 * policy, so re-evaluation updates it) and link it from the case, in one transaction → return it.
 */
@Service
class CriteriaMapper {
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
		// the case read too is part of the operation's one event (an event of its own was a write per warm map)
		Evaluated evaluated = OperationReads.auditedAsOne(request, Set.of(), () -> {
			Task read = Cases.readOpen(store, caseId);
			OperationReads.naming(request, read.getFor().getReference());
			return evaluate(read, policyCanonical, store);
		});
		Task caseTask = evaluated.caseTask();
		QuestionnaireResponse map = evaluated.map();
		String mapUrl = "QuestionnaireResponse/" + map.getIdElement().getIdPart();
		if (evaluated.earlier().isPresent() && sameFindings(evaluated.earlier().get(), map) && CaseOutputs.all(caseTask, "criteria-map").contains(mapUrl)) {
			// nothing changed in the chart or the answers: no new version, no re-validation, no write
			return evaluated.earlier().get();
		}
		store.transaction(transaction(map, caseTask));
		return OperationReads.auditedAsOne(request, Set.of(caseTask.getFor().getReference()),
				() -> store.read(QuestionnaireResponse.class, new IdType(mapUrl)));
	}

	/** The case as read, the new map and the case's earlier one for the same policy. */
	private record Evaluated(Task caseTask, QuestionnaireResponse map, Optional<QuestionnaireResponse> earlier) {
	}

	private Evaluated evaluate(Task caseTask, Optional<String> policyCanonical, IRepository store) {
		Patient patient = store.read(Patient.class, new IdType(caseTask.getFor().getReference()));
		// read once: the chooser, the DTR context and the off-label review all work from the denial
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()));
		// one chart per evaluation: the choice of policy, its variables and the off-label review share its searches
		PatientChart chart = evaluation.chart(store, patient.getIdElement().getIdPart());
		Questionnaire policy = chooser.choose(policyCanonical, denial, chart);
		List<CriterionResult> results = evaluation.evaluate(policy, patient, chart);
		String mapId = "map-" + Digests.sha256Hex(caseTask.getIdElement().getIdPart() + "|" + policy.getUrl()).substring(0, 40);
		Optional<QuestionnaireResponse> earlier = earlier(store, mapId);
		QuestionnaireResponse map = CriteriaMapWriter.write(policy, caseTask.getFor(), results, personAnswers(earlier),
				DtrContext.of(caseTask, denial, policy, store), clock.instant());
		map.setId(mapId);
		offLabel.review(policy, caseTask, denial, patient, chart).map(OffLabelReview::toExtension).ifPresent(map::addExtension);
		return new Evaluated(caseTask, map, earlier);
	}

	private static Optional<QuestionnaireResponse> earlier(IRepository store, String mapId) {
		try {
			return Optional.of(store.read(QuestionnaireResponse.class, new IdType("QuestionnaireResponse", mapId)));
		} catch (ResourceNotFoundException | ResourceGoneException first) {
			// the case's first map for this policy
			return Optional.empty();
		}
	}

	private static Map<String, QuestionnaireResponse.QuestionnaireResponseItemComponent> personAnswers(Optional<QuestionnaireResponse> earlier) {
		Map<String, QuestionnaireResponse.QuestionnaireResponseItemComponent> kept = new LinkedHashMap<>();
		earlier.ifPresent(map -> map.getItem().stream().filter(CriteriaMapWriter::answeredByPerson).forEach(item -> kept.put(item.getLinkId(), item)));
		return kept;
	}

	/** The same map but for when it was written. */
	private static boolean sameFindings(QuestionnaireResponse earlier, QuestionnaireResponse now) {
		QuestionnaireResponse before = earlier.copy();
		QuestionnaireResponse after = now.copy();
		for (QuestionnaireResponse map : List.of(before, after)) {
			map.setMeta(null);
			map.setAuthored(null);
			map.setIdElement(new IdType(map.getIdElement().getIdPart()));
		}
		return before.equalsDeep(after);
	}

	private static Bundle transaction(QuestionnaireResponse map, Task caseTask) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String mapUrl = "QuestionnaireResponse/" + map.getIdElement().getIdPart();
		bundle.addEntry().setResource(map).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(mapUrl);
		// the case follows one policy at a time (RecourseCase: one criteria-map output): the latest map takes the place
		CaseOutputs.linkOnly(bundle, caseTask, "criteria-map", "Criteria map", mapUrl);
		return bundle;
	}
}
