package dev.recourse.ehr.pull;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.ehr.client.EhrCallFailed;
import dev.recourse.ehr.client.EhrSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds the case patient at the EHR: by the EHR's URL of the patient when an earlier pull recorded it on
 * our Patient, else by the patient's identifiers (MRN, member id…), which must lead to exactly one
 * patient there. Never by name and birth date: a near match is a wrong patient's chart in an appeal.
 */
final class EhrPatientFinder {
	private static final int SEARCH_LIMIT = 10;

	private EhrPatientFinder() {
	}

	static Patient find(EhrSession session, Patient casePatient) {
		String prefix = session.connection().baseUrl() + "/Patient/";
		Optional<String> known = casePatient.getIdentifier().stream()
				.filter(identifier -> LocalCopies.URI_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue()
						&& identifier.getValue().startsWith(prefix))
				.map(identifier -> identifier.getValue().substring(prefix.length()))
				.findFirst();
		try {
			return known.isPresent() ? (Patient) session.read("Patient", known.get()) : byIdentifiers(session, casePatient);
		} catch (EhrCallFailed e) {
			throw new RecourseException(RecourseError.UPSTREAM_UNAVAILABLE, null, "Finding the patient at the EHR failed: " + e.getMessage());
		}
	}

	private static Patient byIdentifiers(EhrSession session, Patient casePatient) {
		Map<String, Patient> matches = new TreeMap<>();
		List<Identifier> identifiers = casePatient.getIdentifier().stream()
				.filter(identifier -> identifier.hasSystem() && identifier.hasValue() && !LocalCopies.URI_SYSTEM.equals(identifier.getSystem()))
				.toList();
		if (identifiers.isEmpty()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Patient.identifier",
					"The case patient has no identifier with a system (MRN, member id…) to find them at the EHR by");
		}
		for (Identifier identifier : identifiers) {
			for (Resource found : session.search("Patient", Map.of("identifier", List.of(identifier.getSystem() + "|" + identifier.getValue())),
					SEARCH_LIMIT, new AtomicInteger(SEARCH_LIMIT))) {
				matches.put(found.getIdElement().getIdPart(), (Patient) found);
			}
		}
		if (matches.size() != 1) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Patient.identifier", matches.isEmpty()
					? "No patient at the EHR has any of the case patient's identifiers (" + systems(identifiers) + ")"
					: matches.size() + " patients at the EHR share the case patient's identifiers (" + systems(identifiers)
							+ "); the chart is not pulled rather than risk the wrong one");
		}
		return matches.values().iterator().next();
	}

	private static String systems(List<Identifier> identifiers) {
		return String.join(", ", identifiers.stream().map(Identifier::getSystem).distinct().toList());
	}
}
