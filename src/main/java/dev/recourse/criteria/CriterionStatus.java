package dev.recourse.criteria;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Whether the chart shows a criterion met: unknown (no data) is not the same as not met. */
public enum CriterionStatus {
	MET("met", "Met"), NOT_MET("not-met", "Not met"), UNKNOWN("unknown", "Unknown");

	final String code;
	final String display;

	CriterionStatus(String code, String display) {
		this.code = code;
		this.display = display;
	}

	public String code() {
		return code;
	}

	public CodeableConcept toConcept() {
		return new CodeableConcept(new Coding(PolicyExtensions.CRITERION_STATUSES, code, display));
	}
}
