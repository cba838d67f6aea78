package dev.recourse.letter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * What a letter is gathered from, as read from the store: the gatherers turn these resources into
 * {@link LetterContent} and nothing else, so a fact that is in none of them is unknown.
 *
 * @param insurer the denial's insurer Organization, when on file
 * @param coverage the denial's Coverage, else the patient's active one
 * @param originalRequest the denied request Claim, when on file
 * @param map the case's criteria map
 * @param cited the resources the map cites as evidence (answers and off-label review), by {@code Type/id}, in citation order
 * @param episodes the patient's prior-therapy episode MedicationStatements
 * @param prescriber the Practitioner who prescribes (the request's provider or care team, else the map's author)
 * @param peerToPeers the case's Communications (part of the case Task); participants named from the records they reference
 */
public record LetterCase(Task caseTask, ClaimResponse denial, Patient patient, Optional<Organization> insurer,
		Optional<Coverage> coverage, Optional<Claim> originalRequest, Optional<QuestionnaireResponse> map,
		Map<String, Resource> cited, List<MedicationStatement> episodes, Optional<Practitioner> prescriber,
		List<Communication> peerToPeers) {
	public LetterCase {
		cited = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cited));
		episodes = List.copyOf(episodes);
		peerToPeers = List.copyOf(peerToPeers);
	}

	public String caseId() {
		return caseTask.getIdElement().getIdPart();
	}
}
