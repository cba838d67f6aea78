package dev.recourse.packet;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;

/**
 * What the new request carries over: from the denied request when it is on file ({@link #of(Claim)}), else from what
 * the case holds ({@link ScratchRequest}). {@link RequestClaimBuilder} adds what is new either way. The parts are
 * copies, free for the builder to change.
 *
 * @param originalRequest the logical link to the denied request; empty when nothing identifies it
 * @param items the items as requested, before the appeal's certification type and reference number are set
 */
record RequestSeed(CodeableConcept type, Reference patient, Reference insurer, Reference provider, List<Claim.CareTeamComponent> careTeam,
		List<Claim.DiagnosisComponent> diagnoses, List<Claim.InsuranceComponent> insurance, Optional<Reference> originalRequest,
		List<Claim.ItemComponent> items) {

	/** The denied request's type, parties, care team, diagnoses, insurance and items, unchanged. */
	static RequestSeed of(Claim original) {
		return new RequestSeed(original.getType().copy(), original.getPatient().copy(), original.getInsurer().copy(), original.getProvider().copy(),
				original.getCareTeam().stream().map(Claim.CareTeamComponent::copy).toList(),
				original.getDiagnosis().stream().map(Claim.DiagnosisComponent::copy).toList(),
				original.getInsurance().stream().map(Claim.InsuranceComponent::copy).toList(),
				Optional.of(RequestClaimBuilder.logical(original)),
				original.getItem().stream().map(Claim.ItemComponent::copy).toList());
	}
}
