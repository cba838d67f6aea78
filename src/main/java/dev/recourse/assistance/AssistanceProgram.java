package dev.recourse.assistance;

import dev.recourse.denial.Citation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One programme of rules/assistance-programs.yaml.
 *
 * @param products the codes the drug is requested by, as {@code system|code}: the RxNorm ingredient and any other listed
 * @param federalExcluded whether the programme's own terms exclude patients of government programmes (every copay card)
 * @param phone only when read on the programme's own page
 * @param checklist the assistance-document items its application asks for, in order
 */
record AssistanceProgram(String id, String drug, Set<String> products, String manufacturer, String name, Kind kind,
		boolean federalExcluded, String eligibility, String url, Optional<String> phone, List<String> checklist, Citation citation) {

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	enum Kind {
		COPAY_CARD, FREE_DRUG, BRIDGE, FOUNDATION_REFERRAL, SUPPORT_HUB;

		String code() {
			return name().toLowerCase().replace('_', '-');
		}

		static Kind fromCode(String code) {
			return valueOf(code.toUpperCase().replace('-', '_'));
		}
	}

	/** The RxNorm ingredient code of the drug. */
	String rxcui() {
		return products.stream().filter(code -> code.startsWith(RXNORM + "|")).map(code -> code.substring(RXNORM.length() + 1))
				.findFirst().orElseThrow();
	}
}
