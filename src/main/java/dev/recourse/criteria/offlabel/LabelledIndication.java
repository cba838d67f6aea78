package dev.recourse.criteria.offlabel;

import dev.recourse.denial.Citation;
import java.util.List;
import java.util.Optional;

/**
 * One indication on a drug's FDA label.
 *
 * @param icd10 ICD-10-CM code prefixes the indication covers (the code system is hierarchical)
 * @param minAgeMonths the youngest labelled age, when the label sets one
 * @param label where the label can be read
 */
record LabelledIndication(String rxcui, String drug, String indication, List<String> icd10, Optional<Integer> minAgeMonths,
		String label, Citation citation) {
	LabelledIndication {
		icd10 = List.copyOf(icd10);
	}

	boolean covers(String icd10Code) {
		return icd10.stream().anyMatch(icd10Code::startsWith);
	}

	String population() {
		return minAgeMonths.map(months -> months % 12 == 0 ? months / 12 + " years" : months + " months").map(age -> "aged " + age + " or older")
				.orElse("of any age");
	}
}
