package dev.recourse.filing;

import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;

/**
 * The state whose regulator and review process a filing goes to, and where that was read. The plan's state (the
 * Coverage's {@code plan-state} extension: the state the policy was issued in, which governs an insured plan) wins;
 * else the patient's home address (where a Medicaid enrollee's programme is, and the state an individual policy is
 * sold in). Nothing else is guessed: a payer's headquarters says nothing about which state's law governs the policy.
 *
 * @param code the USPS two-letter code, upper case
 * @param source where it was read, as the letter states it
 */
public record PlanState(String code, String source) {
	public static final String EXTENSION = "http://recourse.dev/fhir/StructureDefinition/plan-state";
	private static final Pattern USPS = Pattern.compile("[A-Z]{2}");

	public static Optional<PlanState> of(Optional<Coverage> coverage, Patient patient) {
		Optional<PlanState> fromPlan = coverage.map(plan -> plan.getExtensionByUrl(EXTENSION)).map(Extension::getValue)
				.map(value -> value.primitiveValue()).flatMap(code -> usps(code, "the plan's state on its Coverage"));
		return fromPlan.or(() -> home(patient).flatMap(address -> usps(address.getState(), "the patient's address")));
	}

	private static Optional<Address> home(Patient patient) {
		return patient.getAddress().stream().filter(address -> address.getUse() == Address.AddressUse.HOME).findFirst()
				.or(() -> patient.getAddress().stream().filter(address -> address.getUse() != Address.AddressUse.OLD).findFirst());
	}

	private static Optional<PlanState> usps(String code, String source) {
		if (code == null) {
			return Optional.empty();
		}
		String upper = code.strip().toUpperCase(java.util.Locale.ROOT);
		return USPS.matcher(upper).matches() ? Optional.of(new PlanState(upper, source)) : Optional.empty();
	}
}
