package dev.recourse.criteria;

import dev.recourse.casework.PlanRecords;

import ca.uhn.fhir.repository.IRepository;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * DTR's {@code qr-context} of a criteria map: the coverage and the order it is about. The coverage is the case's (the
 * denial's, else the patient's when the case was opened); the order is named logically after the denied request (Recourse
 * holds the denial, rarely the order), typed by the policy's product: RxNorm → MedicationRequest, else
 * ServiceRequest. What is not on file says so in its display instead of pointing nowhere.
 */
final class DtrContext {
	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private DtrContext() {
	}

	static List<Reference> of(Task caseTask, ClaimResponse denial, Questionnaire policy, IRepository store) {
		return List.of(coverage(denial, caseTask, store), order(denial, policy));
	}

	/**
	 * Logical, by member id, as the guide's example has it: a literal reference would make validators check the
	 * Coverage against DTR's CRD target profiles (built on US Core 3.1.1), which a PAS Coverage need not meet.
	 */
	private static Reference coverage(ClaimResponse denial, Task caseTask, IRepository store) {
		Optional<Coverage> coverage = PlanRecords.caseCoverage(store, caseTask, denial);
		Reference reference = new Reference().setType("Coverage");
		boolean onFile = coverage.isPresent();
		coverage.flatMap(PlanRecords::memberIdentifier).ifPresentOrElse(reference::setIdentifier,
				() -> reference.setDisplay(onFile ? "The coverage of the denied request (no member id on file)"
						: "The coverage of the denied request (no Coverage on file)"));
		return reference;
	}

	private static Reference order(ClaimResponse denial, Questionnaire policy) {
		boolean drug = policy.getExtensionByUrl(PolicyExtensions.APPLICABILITY).getExtensionsByUrl("productOrService").stream()
				.flatMap(extension -> ((org.hl7.fhir.r4.model.CodeableConcept) extension.getValue()).getCoding().stream())
				.anyMatch(coding -> RXNORM.equals(coding.getSystem()));
		Reference order = new Reference().setType(drug ? "MedicationRequest" : "ServiceRequest")
				.setDisplay("The request denied in ClaimResponse/" + denial.getIdElement().getIdPart());
		if (denial.hasPreAuthRef()) {
			order.getIdentifier().setValue(denial.getPreAuthRef());
		}
		return order;
	}
}
