package dev.recourse.pathway;

import dev.recourse.denial.DenialCategory;
import dev.recourse.denial.PlanRegime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Ranks the pathways open after a denial. Pipeline: for each plausible regime and each pathway, pick the first
 * matching row for the most likely category that makes it eligible (else the first that explains why not) →
 * build the option with its clocks → merge options across plausible regimes → sort (eligible first, then row
 * priority, then category rank) → number the ranks.
 */
public final class PathwayPlanner {

    private static final Comparator<Candidate> ORDER = Comparator
            .comparing((Candidate c) -> !c.option().eligible())
            .thenComparingInt(Candidate::priority)
            .thenComparingInt(Candidate::categoryIndex)
            .thenComparing(c -> c.option().code());

    private final PathwayRules rules;
    private final OptionBuilder builder;
    private final ClockRules clocks;

    public PathwayPlanner(PathwayRules rules, ClockRules clocks) {
        this.rules = rules;
        this.clocks = clocks;
        this.builder = new OptionBuilder(clocks);
    }

    public static PathwayPlanner load() {
        ClockRules clocks = ClockRules.load();
        return new PathwayPlanner(PathwayRules.load(clocks), clocks);
    }

    public List<PathwayOption> plan(PathwayQuery query) {
        List<Candidate> merged = new ArrayList<>();
        for (PathwayCode pathway : PathwayCode.values()) {
            List<Candidate> perRegime = query.regimes().stream()
                    .map(regime -> candidate(pathway, regime, query)).flatMap(Optional::stream).toList();
            if (!perRegime.isEmpty()) {
                merged.add(RegimeMerger.merge(perRegime, query.regimes().size() > 1));
            }
        }
        List<Candidate> sorted = merged.stream().sorted(ORDER).toList();
        return IntStream.range(0, sorted.size()).mapToObj(i -> sorted.get(i).option().withRank(i + 1)).toList();
    }

    /**
     * The decision clock of a pathway filed for this denial: the first row of the pathway that is eligible for the
     * (single) regime and the most likely category that has one, its decision or expedited clock as of {@code on}.
     * Empty when the regime is not known for certain or no row names a clock: no due time is better than a guessed one.
     */
    public Optional<ClockRule> decisionClock(PathwayCode pathway, PathwayQuery query, boolean expedited, java.time.LocalDate on) {
        if (query.regimes().size() != 1) {
            return Optional.empty();
        }
        for (DenialCategory category : query.categories()) {
            Optional<PathwayRule> rule = rules.first(pathway, query.regimes().get(0), category, query.level(), expedited || query.urgent())
                    .filter(PathwayRule::eligible);
            Optional<String> id = rule.map(found -> expedited ? found.clocks().expedited() : found.clocks().decision());
            if (id.isPresent()) {
                return clocks.find(id.get(), query.timing(), on);
            }
        }
        return Optional.empty();
    }

    private Optional<Candidate> candidate(PathwayCode pathway, PlanRegime regime, PathwayQuery query) {
        Optional<Candidate> firstIneligible = Optional.empty();
        for (DenialCategory category : query.categories()) {
            Optional<PathwayRule> rule = rules.first(pathway, regime, category, query.level(), query.urgent());
            if (rule.isEmpty()) {
                continue;
            }
            Candidate built = builder.build(rule.get(), regime, category, query);
            if (built.option().eligible()) {
                return Optional.of(built);
            }
            firstIneligible = firstIneligible.or(() -> Optional.of(built));
        }
        return firstIneligible;
    }
}
