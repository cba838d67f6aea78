package dev.recourse.criteria;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.ReferenceParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * DTR's {@code qr-context} of a criteria map: the coverage and the order it is about. The coverage is the
 * denial's, else the patient's on file; the order is named logically after the denied request (Recourse
 * holds the denial, rarely the order), typed by the policy's product: RxNorm → MedicationRequest, else
 * ServiceRequest. What is not on file says so in its display instead of pointing nowhere.
 */
final class DtrContext {
	private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	private DtrContext() {
	}

	static List<Reference> of(Task caseTask, Questionnaire policy, IRepository store) {
		ClaimResponse denial = store.read(ClaimResponse.class, new IdType(caseTask.getFocus().getReference()));
		return List.of(coverage(denial, caseTask, store), order(denial, policy));
	}

	/**
	 * Logical, by member id, as the guide's example has it: a literal reference would make validators check the
	 * Coverage against DTR's CRD target profiles (built on US Core 3.1.1), which a PAS Coverage need not meet.
	 */
	private static Reference coverage(ClaimResponse denial, Task caseTask, IRepository store) {
		Optional<Coverage> coverage = denial.getInsuranceFirstRep().getCoverage().hasReference()
				? read(store, denial.getInsuranceFirstRep().getCoverage().getReference()) : Optional.empty();
		if (coverage.isEmpty()) {
			Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
			params.put("patient", List.of(new ReferenceParam(caseTask.getFor().getReference())));
			coverage = store.search(Bundle.class, Coverage.class, params).getEntry().stream()
					.map(entry -> (Coverage) entry.getResource()).findFirst();
		}
		Reference reference = new Reference().setType("Coverage");
		boolean onFile = coverage.isPresent();
		coverage.flatMap(DtrContext::memberId).ifPresentOrElse(reference::setIdentifier,
				() -> reference.setDisplay(onFile ? "The coverage of the denied request (no member id on file)"
						: "The coverage of the denied request (no Coverage on file)"));
		return reference;
	}

	private static Optional<Identifier> memberId(Coverage coverage) {
		return coverage.getIdentifier().stream()
				.filter(id -> id.hasValue() && id.getType().getCoding().stream().anyMatch(coding -> "MB".equals(coding.getCode())))
				.map(id -> new Identifier().setSystem(id.getSystem()).setValue(id.getValue())).findFirst()
				.or(() -> Optional.ofNullable(coverage.getSubscriberId()).filter(value -> !value.isBlank()).map(value -> new Identifier().setValue(value)));
	}

	private static Optional<Coverage> read(IRepository store, String reference) {
		try {
			return Optional.of(store.read(Coverage.class, new IdType(reference)));
		} catch (ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException notOnFile) {
			return Optional.empty();
		}
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
