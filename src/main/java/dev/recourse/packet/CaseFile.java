package dev.recourse.packet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Task;

/**
 * What a case holds for its packet, as read from the store.
 *
 * @param originalRequest the denied PAS request Claim, when it is on file
 * @param coverage the denial's Coverage, else the patient's active one
 * @param map the case's criteria map
 * @param letter the case's letter
 * @param evidence the evidence documents of the case: those linked from it, then those built from the map's evidence
 * @param mapConditions the Conditions the map cites as evidence, read only when the denied request is not on file
 *     (their codes are then the request's diagnoses); else empty
 */
record CaseFile(Task caseTask, ClaimResponse denial, Patient patient, Optional<Claim> originalRequest, Optional<Coverage> coverage,
		Optional<QuestionnaireResponse> map, Optional<DocumentReference> letter, List<DocumentReference> evidence, List<Condition> mapConditions) {
	CaseFile {
		evidence = List.copyOf(evidence);
		mapConditions = List.copyOf(mapConditions);
	}

	CaseFile withEvidence(List<DocumentReference> more) {
		Map<String, DocumentReference> all = new LinkedHashMap<>();
		evidence.forEach(document -> all.put(document.getIdElement().getIdPart(), document));
		more.forEach(document -> all.putIfAbsent(document.getIdElement().getIdPart(), document));
		return new CaseFile(caseTask, denial, patient, originalRequest, coverage, map, letter, List.copyOf(all.values()), mapConditions);
	}
}
