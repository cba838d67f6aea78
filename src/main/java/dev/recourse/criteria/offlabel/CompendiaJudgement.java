package dev.recourse.criteria.offlabel;

import dev.recourse.criteria.CriterionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The compendia half of the review, for a use that is not labelled: a listing with a supportive rating from a
 * compendium the regime accepts makes it a medically accepted indication (met); only listings rating it against
 * — not met; nothing usable — unknown, with what would close the gap.
 */
final class CompendiaJudgement {
	private CompendiaJudgement() {
	}

	record Result(CriterionStatus status, List<String> findings, List<String> evidence, List<String> gaps) {
	}

	static Result judge(String drug, List<CompendiumListing> listings, CompendiaRules rules, Optional<String> regime) {
		CompendiaRules.Accepted accepted = rules.acceptedFor(regime);
		String acceptedNames = String.join(", ", new TreeSet<>(accepted.compendia()));
		List<String> findings = new ArrayList<>();
		List<String> gaps = new ArrayList<>();
		List<String> supportive = new ArrayList<>();
		List<String> against = new ArrayList<>();
		for (CompendiumListing listing : listings) {
			Optional<CompendiaRules.Rating> rating = listing.rating().flatMap(rules::rating);
			if (rating.isEmpty()) {
				gaps.add("The compendium rating of " + listing.document() + " (extension compendium-rating)");
			} else if (!accepted.compendia().contains(rating.get().compendium())) {
				findings.add(listing.document() + ": " + rating.get().compendium() + " is not a compendium the plan's regime accepts ("
						+ acceptedNames + "; " + accepted.citation().text() + ")");
			} else {
				String finding = listing.document() + ": " + rating.get().compendium() + " rates the use " + rating.get().code() + " — ";
				switch (rating.get().support()) {
					case SUPPORTIVE -> { supportive.add(listing.document()); findings.add(finding + "supportive (" + rating.get().citation().text() + ")"); }
					case AGAINST -> { against.add(listing.document()); findings.add(finding + "not supportive (" + rating.get().citation().text() + ")"); }
					case NEUTRAL -> findings.add(finding + "neither supportive nor against (" + rating.get().citation().text() + ")");
				}
			}
		}
		if (!supportive.isEmpty()) {
			return new Result(CriterionStatus.MET, findings, supportive, List.of());
		}
		if (!against.isEmpty()) {
			return new Result(CriterionStatus.NOT_MET, findings, against, List.of());
		}
		if (listings.isEmpty()) {
			findings.add("No compendium listing for " + drug + " is on file.");
		}
		gaps.add("A listing supporting this use of " + drug + " from a compendium the plan's regime accepts (" + acceptedNames
				+ "), attached as compendium-listing evidence with its rating");
		return new Result(CriterionStatus.UNKNOWN, findings, List.of(), gaps);
	}
}
