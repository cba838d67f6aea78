package dev.recourse.criteria.offlabel;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.RuleRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a compendium rating says ({@code rules/compendium-ratings.yaml}) and which compendia a plan regime accepts
 * ({@code rules/compendia-accepted.yaml}).
 */
final class CompendiaRules {
	static final String RATINGS = "rules/compendium-ratings.yaml";
	static final String ACCEPTED = "rules/compendia-accepted.yaml";
	static final String DEFAULT_REGIME = "default";

	enum Support { SUPPORTIVE, AGAINST, NEUTRAL }

	record Rating(String code, String compendium, Support support, Citation citation) {
	}

	record Accepted(Set<String> regimes, Set<String> compendia, Citation citation) {
	}

	private final Map<String, Rating> ratings;
	private final List<Accepted> accepted;

	private CompendiaRules(Map<String, Rating> ratings, List<Accepted> accepted) {
		this.ratings = ratings;
		this.accepted = accepted;
	}

	static CompendiaRules load() {
		Map<String, Rating> ratings = RuleFile.load(RATINGS, CompendiaRules::rating).stream()
				.collect(Collectors.toMap(Rating::code, Function.identity(), (a, b) -> {
					throw new RuleFileException(RATINGS + ": rating " + a.code() + " appears twice");
				}));
		List<Accepted> accepted = RuleFile.load(ACCEPTED, CompendiaRules::accepted);
		if (accepted.stream().noneMatch(row -> row.regimes().contains(DEFAULT_REGIME))) {
			throw new RuleFileException(ACCEPTED + ": no row for regime '" + DEFAULT_REGIME + "'");
		}
		return new CompendiaRules(ratings, accepted);
	}

	Optional<Rating> rating(String code) {
		return Optional.ofNullable(ratings.get(code));
	}

	/** The compendia the regime accepts; the default row for a regime no row names, or when the regime is unknown. */
	Accepted acceptedFor(Optional<String> regime) {
		return regime.flatMap(code -> accepted.stream().filter(row -> row.regimes().contains(code)).findFirst())
				.orElseGet(() -> accepted.stream().filter(row -> row.regimes().contains(DEFAULT_REGIME)).findFirst().orElseThrow());
	}

	private static Rating rating(RuleRow row) {
		Support support = switch (row.required("supportive")) {
			case "true" -> Support.SUPPORTIVE;
			case "false" -> Support.AGAINST;
			case "neutral" -> Support.NEUTRAL;
			default -> throw row.problem("'supportive' must be true, false or neutral");
		};
		return new Rating(row.required("rating"), row.required("compendium"), support, new Citation(row.required("citation"), row.confidence()));
	}

	private static Accepted accepted(RuleRow row) {
		return new Accepted(Set.copyOf(row.list("regimes")), Set.copyOf(row.list("compendia")),
				new Citation(row.required("citation"), row.confidence()));
	}
}
