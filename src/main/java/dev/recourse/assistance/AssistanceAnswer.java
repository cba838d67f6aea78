package dev.recourse.assistance;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * What {@code $offer-assistance} answers for a case.
 *
 * @param offered whether the triage opens the patient-assistance-program pathway
 * @param drug the RxNorm ingredient the programmes are for, when the drug has any on file
 */
record AssistanceAnswer(boolean offered, String rationale, Optional<Coding> drug, List<String> caveats, List<ProgramOffer> programs) {

	/** The offer of one programme by id, if the drug has it. */
	Optional<ProgramOffer> program(String id) {
		return programs.stream().filter(offer -> offer.program().id().equals(id)).findFirst();
	}
}
