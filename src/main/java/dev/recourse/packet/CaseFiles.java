package dev.recourse.packet;

import dev.recourse.casework.CaseOutputs;
import dev.recourse.casework.PlanRecords;
import dev.recourse.evidence.EvidenceDocuments;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * Reads what a case holds for its packet: the case's outputs by artifact type, the denial and what it names, and,
 * when the denied request is not on file, the Conditions the map cites (the request's diagnoses then).
 */
final class CaseFiles {

	private CaseFiles() {
	}

	static CaseFile read(IRepository store, Task caseTask) {
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()));
		Patient patient = store.read(Patient.class, new IdType(caseTask.getFor().getReference()));
		Optional<QuestionnaireResponse> map = CaseOutputs.first(caseTask, "criteria-map").flatMap(ref -> read(store, QuestionnaireResponse.class, ref));
		Optional<DocumentReference> letter = CaseOutputs.first(caseTask, "letter").flatMap(ref -> read(store, DocumentReference.class, ref));
		Optional<Claim> original = originalRequest(store, denial);
		List<Condition> conditions = original.isEmpty() ? map.map(found -> citedConditions(store, found)).orElse(List.of()) : List.of();
		return new CaseFile(caseTask, denial, patient, original, PlanRecords.caseCoverage(store, caseTask, denial), map, letter,
				evidence(store, caseTask), conditions);
	}

	/** The Conditions the map cites as evidence, once each, in citation order; one not readable here is left out. */
	private static List<Condition> citedConditions(IRepository store, QuestionnaireResponse map) {
		return EvidenceDocuments.evidenceReferences(map).keySet().stream().filter(reference -> reference.startsWith("Condition/"))
				.map(reference -> read(store, Condition.class, reference)).flatMap(Optional::stream).toList();
	}

	private static Optional<Claim> originalRequest(IRepository store, ClaimResponse denial) {
		return denial.getRequest().hasReference() ? read(store, Claim.class, denial.getRequest().getReference()) : Optional.empty();
	}

	/** The documents linked from the case as evidence (a specialist's attachments), once each. */
	private static List<DocumentReference> evidence(IRepository store, Task caseTask) {
		Map<String, DocumentReference> found = new LinkedHashMap<>();
		for (String reference : CaseOutputs.all(caseTask, "evidence")) {
			if (reference.startsWith("DocumentReference/") && !found.containsKey(reference)) {
				read(store, DocumentReference.class, reference).ifPresent(document -> found.put(reference, document));
			}
		}
		return new ArrayList<>(found.values());
	}


	private static <T extends IBaseResource> Optional<T> read(IRepository store, Class<T> type, String reference) {
		try {
			return Optional.of(store.read(type, new IdType(reference).toUnqualifiedVersionless()));
		} catch (BaseServerResponseException gone) {
			// not on this server (or deleted): the checks say what is missing
			return Optional.empty();
		}
	}
}
