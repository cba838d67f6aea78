package dev.recourse.evidence;

import java.util.Arrays;

/** The codes of CodeSystem {@code evidence-type} (part of the contract: add codes, never rename them). */
public enum EvidenceType {
	CHART_NOTE("chart-note", "Chart note"),
	LAB_RESULT("lab-result", "Lab result"),
	IMAGING("imaging", "Imaging"),
	MEDICATION_HISTORY("medication-history", "Medication history"),
	ALLERGY_RECORD("allergy-record", "Allergy or intolerance record"),
	FDA_LABEL("fda-label", "FDA label"),
	GUIDELINE("guideline", "Clinical guideline"),
	COMPENDIUM_LISTING("compendium-listing", "Compendium listing"),
	LITERATURE("literature", "Peer-reviewed literature"),
	FINANCIAL_HARDSHIP("financial-hardship", "Financial hardship proof"),
	PRESCRIBER_STATEMENT("prescriber-statement", "Prescriber supporting statement"),
	DENIAL_LETTER("denial-letter", "Denial letter"),
	OTHER("other", "Other");

	public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/evidence-type";

	private final String code;
	private final String display;

	EvidenceType(String code, String display) {
		this.code = code;
		this.display = display;
	}

	public String code() {
		return code;
	}

	public String display() {
		return display;
	}

	public static EvidenceType fromCode(String code) {
		return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown evidence type '" + code + "'"));
	}
}
