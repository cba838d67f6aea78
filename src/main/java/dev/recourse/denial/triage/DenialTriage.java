package dev.recourse.denial.triage;

import dev.recourse.denial.CategoryFinding;
import dev.recourse.denial.Classification;
import dev.recourse.denial.CodeTables;
import dev.recourse.denial.Denial;
import dev.recourse.denial.DenialClassifier;
import dev.recourse.denial.DenialReader;
import dev.recourse.denial.DenialText;
import dev.recourse.denial.PhraseRules;
import dev.recourse.denial.PlanRegime;
import dev.recourse.denial.RegimeFinding;
import dev.recourse.denial.RegimeResolver;
import dev.recourse.pathway.AnchorDates;
import dev.recourse.pathway.ClockRule;
import dev.recourse.pathway.PathwayCode;
import dev.recourse.pathway.PathwayOption;
import dev.recourse.pathway.PathwayPlanner;
import dev.recourse.pathway.PathwayQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;

/**
 * Triage of one denial. Pipeline: read the ClaimResponse → classify categories from codes and text → find the
 * plan regime → plan pathways with deadlines → assemble the answer. Thread-safe once built; build it once
 * ({@link #load}) because loading reads and validates every rule file.
 */
public final class DenialTriage {

    private final DenialClassifier classifier;
    private final RegimeResolver regimes;
    private final PathwayPlanner planner;
    private final Clock clock;

    public DenialTriage(DenialClassifier classifier, RegimeResolver regimes, PathwayPlanner planner, Clock clock) {
        this.classifier = classifier;
        this.regimes = regimes;
        this.planner = planner;
        this.clock = clock;
    }

    public static DenialTriage load(Clock clock) {
        return new DenialTriage(new DenialClassifier(CodeTables.load(), PhraseRules.load()), RegimeResolver.load(),
                PathwayPlanner.load(), clock);
    }

    public Triage triage(TriageRequest request) {
        Denial denial = DenialReader.read(request.denial());
        Classification classification = classifier.classify(denial, letter(request.letterText()));
        RegimeFinding regime = regimes.resolve(coverage(request));
        List<PathwayOption> pathways = planner.plan(query(request, denial, classification, regime));
        List<String> questions = new ArrayList<>(classification.questions());
        questions.addAll(regime.questions());
        return new Triage(classification.categories(), classification.notes(), regime, pathways, questions);
    }

    /**
     * The decision clock the decider of a {@code pathway} request on this denial runs under: the same reading of the
     * denial, plan and level as {@link #triage}, then the pathway's clock (expedited or standard) as of the request's
     * receipt. Empty when the regime is uncertain or no rule names a clock.
     */
    public Optional<ClockRule> decisionClock(TriageRequest request, PathwayCode pathway, boolean expedited, LocalDate received) {
        Denial denial = DenialReader.read(request.denial());
        Classification classification = classifier.classify(denial, letter(request.letterText()));
        RegimeFinding regime = regimes.resolve(coverage(request));
        if (regime.regime() == PlanRegime.UNKNOWN) {
            return Optional.empty();
        }
        return planner.decisionClock(pathway, query(request, denial, classification, regime), expedited, received);
    }

    private PathwayQuery query(TriageRequest request, Denial denial, Classification classification,
            RegimeFinding regime) {
        LocalDate received = request.receivedDate() != null ? request.receivedDate() : denial.receivedDate();
        LocalDate asOf = request.asOf() != null ? request.asOf().toLocalDate() : LocalDate.now(clock);
        return new PathwayQuery(classification.categories().stream().map(CategoryFinding::category).toList(),
                regime.plausible(), request.levelOrDefault(), request.isUrgent(), denial.timing(),
                new AnchorDates(denial.noticeDate(), received), asOf);
    }

    private static List<DenialText> letter(String letterText) {
        return letterText == null || letterText.isBlank() ? List.of() : List.of(new DenialText("letter text", letterText));
    }

    /** The given Coverage, else one already resolved on denial.insurance.coverage (contained or bundled). */
    private static Coverage coverage(TriageRequest request) {
        if (request.coverage() != null) {
            return request.coverage();
        }
        ClaimResponse denial = request.denial();
        return denial.getInsurance().stream()
                .map(insurance -> insurance.getCoverage().getResource())
                .filter(Coverage.class::isInstance).map(Coverage.class::cast)
                .findFirst().orElse(null);
    }
}
