package dev.recourse.payer;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.payer.SubmissionRecords.Receipt;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;

/** The received request a payer operation addresses by our copy of its Claim ({@code Claim/[id]/$…}), and its state. */
final class ReceivedRequests {
	private ReceivedRequests() {
	}

	/** The submission whose Claim this is; 404 when it is not a request this payer received. */
	static Receipt find(SubmissionRecords records, IdType claimId) {
		Submission submission = Submission.owning(claimId.getIdPart());
		Receipt receipt = submission == null ? null : records.receipt(submission).orElse(null);
		if (receipt == null || records.find(Claim.class, claimId.getIdPart()).isEmpty()) {
			throw new RecourseException(RecourseError.NOT_FOUND, "Claim", "Claim/" + claimId.getIdPart()
					+ " is not a request this payer received through Claim/$submit");
		}
		return receipt;
	}

	/** Whether every item's review action is still A4 (pended): nothing is decided yet. */
	static boolean pended(ClaimResponse answer) {
		return answer.getItem().stream().flatMap(item -> item.getAdjudication().stream())
				.map(adjudication -> adjudication.getExtensionByUrl(Pas.REVIEW_ACTION)).filter(review -> review != null)
				.allMatch(review -> Pas.PENDED.equals(code(review)));
	}

	private static String code(Extension review) {
		Extension code = review.getExtensionByUrl(Pas.REVIEW_ACTION_CODE);
		return code != null && code.getValue() instanceof CodeableConcept concept ? concept.getCodingFirstRep().getCode() : null;
	}
}
