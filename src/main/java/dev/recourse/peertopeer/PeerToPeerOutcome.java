package dev.recourse.peertopeer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.Arrays;

/**
 * The codes of peer-to-peer-outcome and what each does to the case: an overturn leaves the case waiting for the payer's
 * written decision; every other outcome spends the peer-to-peer, so the next eligible pathway becomes the case's step.
 */
public enum PeerToPeerOutcome {
	OVERTURNED("overturned", false, "awaiting-written-decision"),
	PARTIALLY_OVERTURNED("partially-overturned", true, "partially-approved"),
	UPHELD("upheld", true, "upheld"),
	NOT_OFFERED("not-offered", true, "triaged"),
	MISSED("missed", true, "triaged");

	public static final String SYSTEM = "http://recourse.dev/fhir/CodeSystem/peer-to-peer-outcome";
	/** The outcome Communication's extension carrying the code (what the letter looks for). */
	public static final String EXTENSION = "http://recourse.dev/fhir/StructureDefinition/peer-to-peer-outcome";
	private final String code;
	private final boolean spent;
	private final String caseStage;

	PeerToPeerOutcome(String code, boolean spent, String caseStage) {
		this.code = code;
		this.spent = spent;
		this.caseStage = caseStage;
	}

	String code() {
		return code;
	}

	/** Whether the peer-to-peer is over without an approval of the whole request, so the case moves on. */
	boolean spent() {
		return spent;
	}

	/** The case stage (case-stage code system) the outcome leaves the case in. */
	String caseStage() {
		return caseStage;
	}

	static PeerToPeerOutcome fromCode(String code) {
		return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst()
				.orElseThrow(() -> new RecourseException(RecourseError.INVALID_INPUT, "outcome", "'" + code
						+ "' is not a peer-to-peer outcome (" + SYSTEM + "): use one of "
						+ Arrays.stream(values()).map(PeerToPeerOutcome::code).toList()));
	}
}
