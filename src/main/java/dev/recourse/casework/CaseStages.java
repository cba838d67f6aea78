package dev.recourse.casework;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** The case stages (the case Task's {@code businessStatus}) other features move a case to. */
public final class CaseStages {
	private CaseStages() {
	}

	/** The businessStatus for a code of the case-stage code system, e.g. {@code submitted}, {@code under-review}. */
	public static CodeableConcept concept(String code) {
		return new CodeableConcept(new Coding(CaseTask.CASE_STAGE, code, null));
	}
}
