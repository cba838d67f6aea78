package dev.recourse.packet;

import dev.recourse.casework.PlanRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The seed of a request when the denied request is not on file, from what the case holds: the case's patient, the
 * denial's payer (insurer), provider (requestor) and claim type, the Coverage on file, the ICD-10-CM codes of the
 * Conditions the criteria map cites as evidence, the items of the denial's addItems ({@link DenialItems}), and a
 * logical link to the denied request by the denial's request identifier, else the payer's review number.
 */
final class ScratchRequest {
	static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
	/** PAS profile-claim's Claim.provider: profile-requestor (an Organization) or profile-practitionerrole. */
	private static final Set<String> PAS_PROVIDERS = Set.of("Organization", "PractitionerRole");

	private ScratchRequest() {
	}

	/** What keeps the request from being built from the case, beyond what {@link PacketChecks} asks of every case. */
	static List<PacketProblem> problems(CaseFile file, RequestItemRules rules) {
		List<PacketProblem> problems = new ArrayList<>(DenialItems.of(file.denial(), rules).problems());
		String requestor = file.denial().getRequestor().getReference();
		String type = requestor == null ? null : new IdType(requestor).getResourceType();
		if (requestor != null && !PAS_PROVIDERS.contains(String.valueOf(type))) {
			problems.add(new PacketProblem("ClaimResponse.requestor", "The denied request (Claim) is not on file and the denial's requestor is "
					+ (type == null ? "no resource of a known type" : "a " + type) + ": PAS takes the requesting provider as an Organization or a PractitionerRole; "
					+ "store the original PAS request, or name the provider's Organization or PractitionerRole as the denial's requestor"));
		}
		return problems;
	}

	/** The seed; call only when {@link #problems} found none. */
	static RequestSeed seed(CaseFile file, RequestItemRules rules) {
		DenialItems denialItems = DenialItems.of(file.denial(), rules);
		if (!denialItems.problems().isEmpty()) {
			throw new IllegalStateException("the request cannot be built from the denial: " + denialItems.problems());
		}
		ClaimResponse denial = file.denial();
		String patient = "Patient/" + file.patient().getIdElement().getIdPart();
		List<Claim.DiagnosisComponent> diagnoses = diagnoses(file.mapConditions(), patient);
		List<Claim.ItemComponent> items = denialItems.items();
		// the diagnoses the map proves are why the service is asked for: every item points at them, as PAS's examples do
		items.forEach(item -> diagnoses.forEach(diagnosis -> item.addDiagnosisSequence(diagnosis.getSequence())));
		List<Claim.InsuranceComponent> insurance = file.coverage().map(coverage -> new Claim.InsuranceComponent().setSequence(1).setFocal(true)
				.setCoverage(new Reference("Coverage/" + coverage.getIdElement().getIdPart()))).stream().toList();
		return new RequestSeed(denial.getType().copy(), new Reference(patient), denial.getInsurer().copy(), denial.getRequestor().copy(),
				List.of(), diagnoses, insurance, originalRequest(denial), items);
	}

	/**
	 * The denied request by identifier (original-request allows a logical Reference(Claim)): the denial's request
	 * identifier, else the payer's review number — the payer holds the original and finds it by either.
	 */
	static Optional<Reference> originalRequest(ClaimResponse denial) {
		if (denial.getRequest().hasIdentifier()) {
			return Optional.of(new Reference().setType("Claim").setIdentifier(denial.getRequest().getIdentifier().copy()));
		}
		return PlanRecords.reviewNumber(denial).map(number -> new Reference().setType("Claim").setIdentifier(new Identifier().setValue(number)));
	}

	/**
	 * One diagnosis per distinct ICD-10-CM code of the patient's cited Conditions, in citation order. Only ICD-10-CM:
	 * PAS binds Claim.diagnosis to X12 278 diagnosis codes (ICD-10-CM, ICD-9-CM, DRG), so a SNOMED-only Condition gives none.
	 */
	static List<Claim.DiagnosisComponent> diagnoses(List<Condition> conditions, String patient) {
		Map<String, Coding> codes = new LinkedHashMap<>();
		for (Condition condition : conditions) {
			if (patient.equals(condition.getSubject().getReferenceElement().toUnqualifiedVersionless().getValue())) {
				condition.getCode().getCoding().stream().filter(coding -> ICD_10_CM.equals(coding.getSystem()) && coding.hasCode())
						.forEach(coding -> codes.putIfAbsent(coding.getCode(), coding.copy()));
			}
		}
		List<Claim.DiagnosisComponent> diagnoses = new ArrayList<>();
		for (Coding code : codes.values()) {
			diagnoses.add(new Claim.DiagnosisComponent().setSequence(diagnoses.size() + 1).setDiagnosis(new CodeableConcept(code)));
		}
		return diagnoses;
	}
}
