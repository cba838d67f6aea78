package dev.recourse.payer;

import java.util.Date;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The payer's first answer to a received request, as stored: PAS 2.2's pended response — {@code outcome = complete}
 * and, on every requested item (same {@code sequence}, PAS spec-39), review action A4. The tracking number
 * ({@link Submission#trackingNumber()}) is in every place a PAS client or an inquiry looks for the payer's number:
 * the identifier (system {@link Pas#TRACKING_NUMBER_SYSTEM}, beside the Claim's own identifiers, echoed), the
 * preAuthRef, each item's administrationReferenceNumber (X12 REF*BB) and its review action number.
 *
 * <p>{@code insurance} echoes the request's focal Coverage, so the requester sees which plan decided (PAS types its
 * target as {@code Coverage|4.0.1}, which the validator resolves through {@code conformance/VersionedCoreCanonicals}).
 */
final class PendedResponse {
	private PendedResponse() {
	}

	/**
	 * @param claim our copy of the received Claim (its references are to our copies)
	 * @param claimReference {@code Claim/<id>} of that copy
	 */
	static ClaimResponse of(Claim claim, String claimReference, Submission submission, Date now) {
		String tracking = submission.trackingNumber();
		ClaimResponse response = new ClaimResponse();
		response.setId(new IdType("ClaimResponse", submission.id()));
		response.getMeta().addProfile(Pas.CLAIM_RESPONSE);
		response.addIdentifier(new Identifier().setSystem(Pas.TRACKING_NUMBER_SYSTEM).setValue(tracking));
		claim.getIdentifier().stream().filter(identifier -> identifier.hasSystem() && identifier.hasValue())
				.forEach(identifier -> response.addIdentifier(identifier.copy()));
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE)
				.setType(claim.getType().copy())
				.setUse(ClaimResponse.Use.PREAUTHORIZATION)
				.setPatient(claim.getPatient().copy())
				.setCreated(now)
				.setInsurer(claim.getInsurer().copy())
				.setRequest(new Reference(claimReference).setIdentifier(claim.getIdentifierFirstRep().copy()))
				.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE)
				.setDisposition("Pended for review; tracking number " + tracking)
				.setPreAuthRef(tracking);
		claim.getInsurance().stream().filter(Claim.InsuranceComponent::getFocal).findFirst()
				.or(() -> claim.getInsurance().stream().findFirst())
				.ifPresent(insurance -> response.addInsurance().setSequence(1).setFocal(true).setCoverage(insurance.getCoverage().copy()));
		if (claim.hasProvider()) {
			response.setRequestor(claim.getProvider().copy());
		}
		for (Claim.ItemComponent requested : claim.getItem()) {
			response.addItem(item(requested, tracking));
		}
		return response;
	}

	private static ClaimResponse.ItemComponent item(Claim.ItemComponent requested, String tracking) {
		ClaimResponse.ItemComponent item = new ClaimResponse.ItemComponent().setItemSequence(requested.getSequence());
		for (Extension trace : requested.getExtensionsByUrl(Pas.ITEM_TRACE_NUMBER)) {
			item.addExtension(trace.copy());
		}
		item.addExtension(Pas.ADMINISTRATION_REFERENCE_NUMBER, new StringType(tracking));
		item.addAdjudication().setCategory(ReviewActions.submitted()).addExtension(ReviewActions.pended(tracking));
		return item;
	}
}
