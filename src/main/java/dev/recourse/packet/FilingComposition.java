package dev.recourse.packet;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import dev.recourse.casework.CaseOutputs;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The index of a filing packet, as the reviewer reads it: a Composition whose first section is the signed filing letter
 * (its attester the prescriber who signed), then the plan's decisions the filing answers, the criteria map, the case's
 * other signed letters and the evidence. Empty sections are left out.
 */
final class FilingComposition {
	private static final String ARTIFACT_TYPES = CaseOutputs.ARTIFACT_TYPES;

	private FilingComposition() {
	}

	/** The enclosures by section title, in the order the reviewer reads them. */
	static Map<String, List<Reference>> enclosures(IRepository store, Task caseTask, ClaimResponse denial, ClaimResponse decision, DocumentReference letter) {
		Map<String, List<Reference>> sections = new LinkedHashMap<>();
		List<Reference> decisions = new ArrayList<>(List.of(new Reference("ClaimResponse/" + denial.getIdElement().getIdPart())));
		if (!decision.getIdElement().getIdPart().equals(denial.getIdElement().getIdPart())) {
			decisions.add(new Reference("ClaimResponse/" + decision.getIdElement().getIdPart()));
		}
		sections.put("The plan's decisions", decisions);
		sections.put("Criteria map", CaseOutputs.first(caseTask, "criteria-map").map(Reference::new).stream().toList());
		String letterRef = "DocumentReference/" + letter.getIdElement().getIdPart();
		sections.put("Other letters", CaseOutputs.all(caseTask, "letter").stream().filter(reference -> !reference.equals(letterRef))
				.filter(reference -> signed(store, reference)).map(Reference::new).toList());
		sections.put("Evidence", CaseOutputs.all(caseTask, "evidence").stream().map(Reference::new).toList());
		return sections;
	}

	static Composition of(String id, Task caseTask, DocumentReference letter, Date now, Map<String, List<Reference>> enclosures) {
		Composition composition = new Composition();
		composition.setId("Composition/" + id);
		composition.setStatus(Composition.CompositionStatus.FINAL);
		composition.setType(new CodeableConcept(new Coding(ARTIFACT_TYPES, "filing-packet", "Filing packet")).setText(letter.getType().getText()));
		composition.setSubject(new Reference(caseTask.getFor().getReference()));
		composition.setDate(now);
		composition.setTitle(letter.getType().getText());
		composition.addAuthor(new Reference(letter.getAuthenticator().getReference()));
		composition.addAttester().setMode(Composition.CompositionAttestationMode.LEGAL).setParty(new Reference(letter.getAuthenticator().getReference()));
		composition.addSection().setTitle("Filing letter").addEntry(new Reference("DocumentReference/" + letter.getIdElement().getIdPart()));
		enclosures.forEach((title, entries) -> {
			if (!entries.isEmpty()) {
				Composition.SectionComponent section = composition.addSection().setTitle(title);
				entries.forEach(entry -> section.addEntry(entry.copy()));
			}
		});
		return composition;
	}

	private static boolean signed(IRepository store, String reference) {
		try {
			return store.read(DocumentReference.class, new IdType(reference)).hasAuthenticator();
		} catch (BaseServerResponseException gone) {
			return false;
		}
	}
}
