package dev.recourse.letter;

import dev.recourse.letter.LetterContent.Signature;
import dev.recourse.pathway.PathwayOption;
import java.util.List;
import java.util.Map;

/**
 * Turns a case's resources into {@link LetterContent}: each section from its gatherer, nothing else. No FHIR is read
 * here (see {@link LetterCaseReader}), so the whole mapping is testable without a server.
 */
final class LetterFacts {
	private LetterFacts() {
	}

	static LetterContent content(LetterCase file, PathwayOption option, String pathwayDisplay, Map<String, String> sections,
			Signature signature) {
		return new LetterContent(
				PartyFacts.parties(file),
				PathwayFacts.request(PartyFacts.service(file), option, pathwayDisplay),
				CriteriaFacts.clinicalSummary(file.cited()),
				file.map().map(map -> CriteriaFacts.rows(map, file.cited())).orElse(List.of()),
				TherapyFacts.therapies(file.episodes(), file.cited().keySet()),
				OffLabelFacts.offLabel(file.map()),
				PathwayFacts.legalBasis(option),
				PathwayFacts.deadline(option),
				CriteriaFacts.enclosures(file.map(), file.cited()),
				signature,
				sections,
				PeerToPeerFacts.calls(file.peerToPeers()));
	}
}
