package dev.recourse.packet;

import java.util.Map;
import java.util.Optional;

/**
 * What request a pathway is sent as: an appeal (RecourseAppealRequest, X12 1322 certification type 1 immediate
 * or 2 standard) or an exception (RecourseExceptionRequest with its exception type, certification type I initial). Other pathways (external
 * review, IRE, fair hearing, complaints) are not PAS requests to the plan.
 */
record PacketKind(String pathway, String profile, Optional<String> certificationType, Optional<String> exceptionType) {
	static final String APPEAL = "http://recourse.dev/fhir/StructureDefinition/recourse-appeal-request";
	static final String EXCEPTION = "http://recourse.dev/fhir/StructureDefinition/recourse-exception-request";
	private static final Map<String, String> EXCEPTION_TYPES = Map.of(
			"formulary-exception", "formulary", "step-therapy-exception", "step-therapy", "tiering-exception", "tiering",
			"quantity-limit-exception", "quantity-limit", "site-of-service-exception", "site-of-service", "network-gap-exception", "network-gap");

	static Optional<PacketKind> of(String pathway) {
		return switch (pathway) {
			case "internal-appeal" -> Optional.of(new PacketKind(pathway, APPEAL, Optional.of("2"), Optional.empty()));
			case "expedited-internal-appeal" -> Optional.of(new PacketKind(pathway, APPEAL, Optional.of("1"), Optional.empty()));
			// PAS requires a certification type on every item; an exception is a new request for the rule to be set aside (I, initial)
			default -> Optional.ofNullable(EXCEPTION_TYPES.get(pathway)).map(type -> new PacketKind(pathway, EXCEPTION, Optional.of("I"), Optional.of(type)));
		};
	}

	boolean appeal() {
		return profile.equals(APPEAL);
	}

	boolean expedited() {
		return certificationType.filter("1"::equals).isPresent();
	}
}
