package dev.recourse.criteria.offlabel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recourse.criteria.CriterionStatus;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompendiaJudgementTest {
	private static final CompendiaRules RULES = CompendiaRules.load();

	@Test
	void supportiveListing_fromAnAcceptedCompendium_isMet() {
		CompendiaJudgement.Result result = judge(List.of(listing("a", "drugdex-class-iia")), Optional.of("erisa-insured"));

		assertThat(result.status()).isEqualTo(CriterionStatus.MET);
		assertThat(result.evidence()).containsExactly("DocumentReference/a");
		assertThat(result.gaps()).isEmpty();
	}

	@Test
	void partD_doesNotAcceptClinicalPharmacology_forANonCancerDrug() {
		CompendiaJudgement.Result result = judge(List.of(listing("a", "clinical-pharmacology-supportive")), Optional.of("medicare-part-d"));

		assertThat(result.status()).isEqualTo(CriterionStatus.UNKNOWN);
		assertThat(result.findings()).anyMatch(finding -> finding.contains("not a compendium the plan's regime accepts") && finding.contains("1927"));
		assertThat(result.gaps()).anyMatch(gap -> gap.contains("ahfs-di, drugdex, usp-di"));
	}

	@Test
	void supportiveOutweighsAgainst_theLetterArguesTheSupport() {
		CompendiaJudgement.Result result = judge(List.of(listing("a", "drugdex-class-iii"), listing("b", "ahfs-supportive")), Optional.empty());

		assertThat(result.status()).isEqualTo(CriterionStatus.MET);
		assertThat(result.evidence()).containsExactly("DocumentReference/b");
		assertThat(result.findings()).hasSize(2);
	}

	@Test
	void onlyListingsAgainst_isNotMet() {
		assertThat(judge(List.of(listing("a", "nccn-3")), Optional.empty()).status()).isEqualTo(CriterionStatus.NOT_MET);
	}

	@Test
	void neutralRating_orNoRating_orNoListing_isUnknown_withWhatToAttach() {
		assertThat(judge(List.of(listing("a", "nccn-2b")), Optional.empty()).status()).isEqualTo(CriterionStatus.UNKNOWN);
		CompendiaJudgement.Result unrated = judge(List.of(new CompendiumListing("DocumentReference/x", Optional.empty())), Optional.empty());
		assertThat(unrated.status()).isEqualTo(CriterionStatus.UNKNOWN);
		assertThat(unrated.gaps()).anyMatch(gap -> gap.contains("DocumentReference/x"));
		CompendiaJudgement.Result none = judge(List.of(), Optional.empty());
		assertThat(none.findings()).containsExactly("No compendium listing for ocrelizumab is on file.");
	}

	@Test
	void everyRatingInTheRulesIsACodeOfTheCompendiumRatingCodeSystem_andEveryAcceptedCompendiumHasRatings() throws Exception {
		JsonNode codeSystem = new ObjectMapper().readTree(new File("profiles/CodeSystem-compendium-rating.json"));
		Set<String> codes = new HashSet<>();
		codeSystem.get("concept").forEach(concept -> codes.add(concept.get("code").asText()));
		Set<String> rated = new HashSet<>();
		for (String code : codes) {
			assertThat(RULES.rating(code)).as(code + " in compendium-ratings.yaml").isPresent();
			rated.add(RULES.rating(code).orElseThrow().compendium());
		}
		for (String regime : List.of("medicare-part-d", "original-medicare", "erisa-insured")) {
			assertThat(rated).containsAll(RULES.acceptedFor(Optional.of(regime)).compendia());
		}
	}

	private static CompendiumListing listing(String id, String rating) {
		return new CompendiumListing("DocumentReference/" + id, Optional.of(rating));
	}

	private static CompendiaJudgement.Result judge(List<CompendiumListing> listings, Optional<String> regime) {
		return CompendiaJudgement.judge("ocrelizumab", listings, RULES, regime);
	}
}
