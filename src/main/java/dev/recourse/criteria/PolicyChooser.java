package dev.recourse.criteria;

import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.param.TokenParam;
import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.Multimap;
import dev.recourse.casework.RequestedProducts;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Which policy a case is judged by: the one the caller names ({@code url|version}, or the newest version of
 * {@code url}), else the one of the denial's payer (by identifier, when both name one) whose applicability lists
 * the drug or service of the denied request and, when it lists diagnoses, one the patient has — of several versions of
 * one policy, the newest. Exactly one policy must fit; otherwise 422 says which did.
 */
@Component
class PolicyChooser {
	private final PolicyVersions policies;

	PolicyChooser(PolicyVersions policies) {
		this.policies = policies;
	}

	Questionnaire choose(Optional<String> canonical, ClaimResponse denial, PatientChart chart) {
		return canonical.map(named -> named(named, chart.store())).orElseGet(() -> byApplicability(denial, chart));
	}

	private Questionnaire named(String canonical, IRepository store) {
		return policies.named(store, canonical).orElseThrow(() -> new RecourseException(RecourseError.UNPROCESSABLE,
				"policy", "No coverage policy Questionnaire " + canonical + " on this server"));
	}

	private Questionnaire byApplicability(ClaimResponse denial, PatientChart chart) {
		IRepository store = chart.store();
		Set<String> products = RequestedProducts.of(denial, store);
		Optional<String> payer = identifier(denial.getInsurer());
		Set<String> diagnoses = patientDiagnoses(chart);
		Multimap<String, List<IQueryParameterType>> params = ArrayListMultimap.create();
		params.put("status", List.of(new TokenParam("active")));
		List<Questionnaire> fitting = policies.search(store, params).stream()
				.filter(policy -> policy.getExtensionByUrl(PolicyExtensions.APPLICABILITY) != null)
				.filter(policy -> samePayerOrUnknown(policy, payer))
				.filter(policy -> anyCode(policy, "productOrService", products))
				.filter(policy -> codes(policy, "diagnosis").isEmpty() || anyCode(policy, "diagnosis", diagnoses))
				.collect(Collectors.toMap(Questionnaire::getUrl, policy -> policy, BinaryOperator.maxBy(PolicyVersions.NEWEST), LinkedHashMap::new))
				.values().stream().toList();
		if (fitting.size() != 1) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "policy", fitting.isEmpty()
					? "No coverage policy applies to the denied request's drug or service (" + String.join(", ", products)
							+ ") and the patient's diagnoses; name one in the 'policy' parameter"
					: fitting.size() + " coverage policies apply (" + String.join(", ", fitting.stream().map(p -> p.getUrl() + "|" + p.getVersion()).toList())
							+ "); name one in the 'policy' parameter");
		}
		return fitting.get(0);
	}

	/** Diagnoses match down the ICD-10-CM hierarchy: a policy listing G35.A fits a patient coded G35.A or below. */
	private static boolean anyCode(Questionnaire policy, String part, Set<String> have) {
		boolean hierarchy = part.equals("diagnosis");
		return codes(policy, part).stream()
				.anyMatch(code -> have.contains(code) || hierarchy && have.stream().anyMatch(held -> held.startsWith(code)));
	}

	private static Set<String> codes(Questionnaire policy, String part) {
		Set<String> codes = new HashSet<>();
		for (Extension extension : policy.getExtensionByUrl(PolicyExtensions.APPLICABILITY).getExtensionsByUrl(part)) {
			if (extension.getValue() instanceof CodeableConcept concept) {
				concept.getCoding().forEach(coding -> codes.add(coding.getSystem() + "|" + coding.getCode()));
			}
		}
		return codes;
	}

	/** The denial's payer and the policy's are compared by identifier; when either has none, the payer cannot rule a policy out. */
	private static boolean samePayerOrUnknown(Questionnaire policy, Optional<String> payer) {
		Extension policyPayer = policy.getExtensionByUrl(PolicyExtensions.APPLICABILITY).getExtensionByUrl("payer");
		Optional<String> theirs = policyPayer != null && policyPayer.getValue() instanceof Reference reference ? identifier(reference) : Optional.empty();
		return payer.isEmpty() || theirs.isEmpty() || payer.equals(theirs);
	}

	private static Optional<String> identifier(Reference reference) {
		return reference.hasIdentifier() && reference.getIdentifier().hasValue()
				? Optional.of(reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue()) : Optional.empty();
	}

	/** Every diagnosis on file for the patient (the chart's shared search: all of them, not a first page). */
	private static Set<String> patientDiagnoses(PatientChart chart) {
		Set<String> codes = new HashSet<>();
		chart.all(Condition.class).forEach(condition -> add(codes, condition.getCode()));
		return codes;
	}

	private static void add(Set<String> codes, CodeableConcept concept) {
		dev.recourse.casework.RequestedProducts.add(codes, concept);
	}
}
