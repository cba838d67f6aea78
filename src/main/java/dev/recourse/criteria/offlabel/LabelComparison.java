package dev.recourse.criteria.offlabel;

import dev.recourse.criteria.CriterionStatus;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The label half of the review: is the documented use a labelled one? A diagnosis the label names, in a patient
 * at least the labelled age, is labelled (met); a named diagnosis in a patient too young, or only diagnoses the
 * label does not name, is off-label (not met); no diagnosis, or no birth date where the label sets an age, is
 * unknown.
 */
final class LabelComparison {
	private LabelComparison() {
	}

	record Result(CriterionStatus status, List<String> findings, List<String> evidence, List<String> gaps) {
	}

	static Result compare(String drug, List<LabelledIndication> label, List<Diagnosis> diagnoses, Optional<LocalDate> birthDate,
			String patient, LocalDate today) {
		if (diagnoses.isEmpty()) {
			return new Result(CriterionStatus.UNKNOWN, List.of("The chart documents no ICD-10-CM diagnosis " + drug + " is requested for."),
					List.of(), List.of("The diagnosis " + drug + " is requested for, coded in ICD-10-CM (a problem-list Condition or the request's diagnosis)"));
		}
		Optional<Integer> ageMonths = birthDate.map(born -> (int) Period.between(born, today).toTotalMonths());
		Result tooYoung = null;
		Result noBirthDate = null;
		for (Diagnosis diagnosis : diagnoses) {
			for (LabelledIndication indication : label) {
				if (!indication.covers(diagnosis.code())) {
					continue;
				}
				List<String> evidence = evidence(diagnosis, indication.minAgeMonths().isPresent() ? Optional.of(patient) : Optional.empty());
				if (indication.minAgeMonths().isEmpty() || ageMonths.isPresent() && ageMonths.get() >= indication.minAgeMonths().get()) {
					return new Result(CriterionStatus.MET, List.of(diagnosis.describe() + " is a labelled indication of " + drug + ": "
							+ indication.indication() + ageClause(ageMonths)), evidence, List.of());
				}
				if (ageMonths.isEmpty()) {
					noBirthDate = new Result(CriterionStatus.UNKNOWN, List.of(diagnosis.describe() + " is a labelled indication of " + drug + " for patients "
							+ indication.population() + " (" + indication.indication() + "); the chart has no birth date"),
							evidence(diagnosis, Optional.empty()), List.of("The patient's date of birth"));
				} else if (tooYoung == null) {
					tooYoung = new Result(CriterionStatus.NOT_MET, List.of(diagnosis.describe() + " is a labelled indication of " + drug
							+ " only for patients " + indication.population() + " (" + indication.indication() + "); the patient is "
							+ age(ageMonths.get()) + " old: the use is off-label"), evidence, List.of());
				}
			}
		}
		if (noBirthDate != null) {
			return noBirthDate;
		}
		if (tooYoung != null) {
			return tooYoung;
		}
		Set<String> evidence = new LinkedHashSet<>();
		diagnoses.forEach(diagnosis -> diagnosis.condition().ifPresent(evidence::add));
		return new Result(CriterionStatus.NOT_MET, List.of("None of the documented diagnoses ("
				+ String.join("; ", diagnoses.stream().map(Diagnosis::describe).toList()) + ") is an FDA-labelled indication of " + drug
				+ ": the use is off-label"), new ArrayList<>(evidence), List.of());
	}

	private static List<String> evidence(Diagnosis diagnosis, Optional<String> patient) {
		List<String> evidence = new ArrayList<>();
		diagnosis.condition().ifPresent(evidence::add);
		patient.ifPresent(evidence::add);
		return evidence;
	}

	private static String ageClause(Optional<Integer> ageMonths) {
		return ageMonths.map(months -> "; the patient is " + age(months) + " old").orElse("");
	}

	static String age(int months) {
		return months >= 24 ? months / 12 + " years" : months + " months";
	}
}
