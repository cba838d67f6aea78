package dev.recourse.metrics;

import dev.recourse.denial.CodeSystems;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;

/**
 * What one version of the payer side's stored answer to a received PAS request says for the CMS-0057-F measures: the
 * payer (its insurer), when the request was received (the pended answer's {@code created}), whether it was expedited
 * (Claim.priority {@code stat}, or X12 1322 certification type 1, an immediate appeal) or an appeal (type 1 or 2), and
 * the decision: X12 306 review actions of every item — none pended and all A1: approved; all A3: denied; a mix or
 * modified (A2, A6): approved in part.
 *
 * @param changedAt epoch seconds when this version was stored: the decision's time when it is one
 */
record RequestFacts(String responseId, String orgKey, Long receivedAt, Boolean expedited, Boolean appeal, Long changedAt,
		Optional<String> outcome) {
	static final String TRACKING_NUMBER_SYSTEM = "http://recourse.dev/fhir/sid/pas-tracking-number";
	static final String CERTIFICATION_TYPE = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-certificationType";

	/** A payer-side answer: stored under the payer's own {@code pas-} id and carrying its tracking number. */
	static boolean isPayerAnswer(ClaimResponse response) {
		return response.getIdElement().getIdPart() != null && response.getIdElement().getIdPart().startsWith("pas-")
				&& response.getIdentifier().stream().map(Identifier::getSystem).anyMatch(TRACKING_NUMBER_SYSTEM::equals);
	}

	/** @param request the received Claim copy, empty when it cannot be read (expedited and appeal stay unknown) */
	static RequestFacts of(ClaimResponse response, Optional<Claim> request, String orgKey, long changedAt) {
		List<String> types = request.map(RequestFacts::certificationTypes).orElse(List.of());
		return new RequestFacts(response.getIdElement().getIdPart(), orgKey,
				response.hasCreated() ? CaseFacts.seconds(response.getCreated()) : null,
				request.map(claim -> "stat".equals(claim.getPriority().getCodingFirstRep().getCode()) || types.contains("1")).orElse(null),
				request.map(claim -> types.contains("1") || types.contains("2")).orElse(null),
				changedAt, outcome(response));
	}

	static Optional<String> outcome(ClaimResponse response) {
		List<String> actions = response.getItem().stream().flatMap(item -> item.getAdjudication().stream())
				.flatMap(adjudication -> adjudication.getExtensionsByUrl(CodeSystems.PAS_REVIEW_ACTION).stream())
				.map(RequestFacts::code).filter(code -> code != null).toList();
		if (actions.isEmpty() || actions.contains("A4")) {
			return Optional.empty();
		}
		if (actions.stream().allMatch("A1"::equals)) {
			return Optional.of("approved");
		}
		return Optional.of(actions.stream().allMatch("A3"::equals) ? "denied" : "partially-approved");
	}

	private static List<String> certificationTypes(Claim claim) {
		return claim.getItem().stream().flatMap(item -> item.getExtensionsByUrl(CERTIFICATION_TYPE).stream())
				.map(extension -> extension.getValue() instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : null)
				.filter(code -> code != null).toList();
	}

	private static String code(Extension reviewAction) {
		Extension code = reviewAction.getExtensionByUrl(CodeSystems.PAS_REVIEW_ACTION_CODE);
		return code != null && code.getValue() instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : null;
	}
}
