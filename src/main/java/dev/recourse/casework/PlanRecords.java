package dev.recourse.casework;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.server.Searches;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;

/**
 * What the plan's own records say about a case, read the same way by every feature that needs it (criteria map,
 * letter, packet): the member id, the payer's reference number of the denied review, the case's Coverage.
 */
public final class PlanRecords {
	private static final String PAS_REVIEW_ACTION = dev.recourse.denial.CodeSystems.PAS_REVIEW_ACTION;

	private PlanRecords() {
	}

	/** The member id: the identifier of type MB (v2-0203), else the subscriber id. */
	public static Optional<Identifier> memberIdentifier(Coverage coverage) {
		return typedMemberIdentifier(coverage).or(() -> Optional.ofNullable(coverage.getSubscriberId()).filter(value -> !value.isBlank())
						.map(value -> new Identifier().setValue(value)));
	}

	/** The member id as PAS's Coverage profile requires it: an identifier of type MB (the subscriber id does not do). */
	public static Optional<Identifier> typedMemberIdentifier(Coverage coverage) {
		return coverage.getIdentifier().stream()
				.filter(id -> id.hasValue() && !id.getValue().isBlank()
						&& id.getType().getCoding().stream().anyMatch(coding -> "MB".equals(coding.getCode())))
				.map(id -> new Identifier().setSystem(id.getSystem()).setValue(id.getValue())).findFirst();
	}

	public static Optional<String> memberId(Coverage coverage) {
		return memberIdentifier(coverage).map(Identifier::getValue);
	}

	/**
	 * The payer's number of the denied review: the PAS reviewAction number (the UM reference an appeal cites), else
	 * preAuthRef, else the denial's identifier.
	 */
	public static Optional<String> reviewNumber(ClaimResponse denial) {
		for (ClaimResponse.ItemComponent item : denial.getItem()) {
			for (ClaimResponse.AdjudicationComponent adjudication : item.getAdjudication()) {
				for (Extension reviewAction : adjudication.getExtensionsByUrl(PAS_REVIEW_ACTION)) {
					Extension number = reviewAction.getExtensionByUrl("number");
					if (number != null && number.getValue() != null && number.getValue().primitiveValue() != null) {
						return Optional.of(number.getValue().primitiveValue());
					}
				}
			}
		}
		return Optional.ofNullable(denial.getPreAuthRef()).filter(ref -> !ref.isBlank())
				.or(() -> denial.getIdentifier().stream().map(Identifier::getValue).filter(value -> value != null && !value.isBlank()).findFirst());
	}

	/**
	 * The case's Coverage: the one it recorded when opened ({@code Task.insurance}), so the map, the letter and the packet
	 * name the same plan even after a pull adds the EHR's copy of it; for a case that recorded none, as {@link #coverage}.
	 */
	public static Optional<Coverage> caseCoverage(IRepository store, Task caseTask, ClaimResponse denial) {
		Optional<String> recorded = caseTask.getInsurance().stream().map(Reference::getReference)
				.filter(ref -> ref != null && ref.startsWith("Coverage/")).findFirst();
		if (recorded.isPresent()) {
			try {
				return Optional.of(store.read(Coverage.class, new IdType(recorded.get()).toUnqualifiedVersionless()));
			} catch (BaseServerResponseException gone) {
				// deleted or out of the caller's reach since: look it up as a case without one would
			}
		}
		return coverage(store, denial, caseTask.getFor().getReference());
	}

	/** The denial's focal (else first) Coverage when on file, else the patient's ({@code Patient/<id>}) active one. */
	public static Optional<Coverage> coverage(IRepository store, ClaimResponse denial, String patient) {
		Optional<String> named = denial.getInsurance().stream().sorted((a, b) -> Boolean.compare(b.getFocal(), a.getFocal()))
				.map(insurance -> insurance.getCoverage().getReference())
				.filter(ref -> ref != null && !ref.isBlank() && !ref.contains("://") && !ref.startsWith("#")).findFirst();
		if (named.isPresent()) {
			try {
				return Optional.of(store.read(Coverage.class, new IdType(named.get()).toUnqualifiedVersionless()));
			} catch (BaseServerResponseException notOnFile) {
				// named but not readable here: the patient's own coverage is the next best fact
			}
		}
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("patient", List.of(new ReferenceParam(patient)));
		params.put("status", List.of(new TokenParam("active")));
		return store.search(Bundle.class, Coverage.class, params, Searches.UNSTORED).getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource).map(Coverage.class::cast).findFirst();
	}
}
