package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Turns a patient's medication records into therapy episodes, the facts step-therapy criteria ask about
 * ("methotrexate at least 3 months", "failed a TNF inhibitor"). Pipeline: read records → name ingredients →
 * merge per ingredient → judge outcome → sort. Pure: no storage, no clock; {@code asOf} stands for "today".
 *
 * <ol>
 * <li><b>Inputs.</b> MedicationRequest, MedicationStatement, MedicationDispense, MedicationAdministration,
 *     Medication (for {@code medicationReference}: attached, contained {@code #id}, {@code Medication/id} or
 *     {@code urn:uuid:} in the chart) and AllergyIntolerance; everything else is ignored, and so are our own
 *     derived statements (category {@value #DERIVED_CATEGORY_CODE} in {@value #RECORD_CATEGORY_SYSTEM}).
 *     Left out as never having happened: entered-in-error everywhere; draft requests; not-taken and intended
 *     statements; cancelled and declined dispenses; not-done administrations; any record with no date.</li>
 * <li><b>Ingredient.</b> A record matches a row of {@code rules/drug-classes.yaml} when one of its RxNorm codes
 *     is the row's ingredient code or its text or a coding display names the ingredient or a synonym (brand) as
 *     whole words, case-insensitive. A Medication's ingredient codings count. Several matches give one episode
 *     per ingredient; no match gives an episode keyed by the record's own RxNorm (else first) coding or text.</li>
 * <li><b>Dates.</b> Days as written in the record's own offset; an end is the last day on therapy.
 *     MedicationRequest: dispenseRequest.validityPeriod, else authoredOn, starts; validityPeriod.end ends, else
 *     expectedSupplyDuration × (1 + numberOfRepeatsAllowed). MedicationStatement: effectivePeriod, else
 *     effectiveDateTime, else dateAsserted (start only). MedicationDispense: whenHandedOver, else whenPrepared,
 *     plus daysSupply. MedicationAdministration: effective[x]. An end before the start is read as the start.</li>
 * <li><b>Episodes.</b> Per ingredient, records in date order join while the next starts at most
 *     {@value #GRACE_GAP_DAYS} days after the last day covered so far (a record's end, or its start without one).
 *     Days count the start day and the last day (asOf while ongoing).</li>
 * <li><b>Outcome</b> ({@link OutcomeJudge}), first that applies: an AllergyIntolerance (not refuted or
 *     entered-in-error) naming the ingredient, dated on or after the episode start and before the next episode
 *     of that ingredient, or undated → stopped-allergy (type intolerance → stopped-adverse-event); a statusReason
 *     of the latest request or statement found in {@code rules/therapy-stop-reasons.yaml}; ongoing (latest
 *     request/statement active or on-hold with no end before asOf, or latest dispense/administration within
 *     the grace gap of asOf); any other statusReason → stopped-other; status completed → completed; stopped or
 *     cancelled, or simply no later record → stopped-unknown.</li>
 * <li><b>Order.</b> By start, then ingredient name, then ingredient key: the same chart gives the same list.</li>
 * </ol>
 */
@Component
public class PriorTherapyTimeline {

    public static final String RECORD_CATEGORY_SYSTEM = "http://recourse.dev/fhir/CodeSystem/artifact-type";
    public static final String DERIVED_CATEGORY_CODE = "prior-therapy-episode";

    /**
     * Our choice, not a published rule: a refill up to 90 days late still counts as the same course. Adherence
     * research measures persistence with a permissible gap chosen per study (commonly 30 to 90 days); 90 days is
     * the generous end, matching a 90-day supply, so a late refill is not read as a failed and restarted therapy.
     */
    static final int GRACE_GAP_DAYS = 90;

    private static final Comparator<TherapyEpisode> ORDER = Comparator.comparing(TherapyEpisode::start)
            .thenComparing(episode -> String.valueOf(episode.ingredient().getDisplay()).toLowerCase(Locale.ROOT))
            .thenComparing(episode -> episode.ingredient().getSystem() + "|" + episode.ingredient().getCode());

    private final DrugClassTable drugs;
    private final OutcomeJudge judge;
    private final int graceDays;

    public PriorTherapyTimeline() {
        this(DrugClassTable.load(), StopReasonTable.load(), GRACE_GAP_DAYS);
    }

    PriorTherapyTimeline(DrugClassTable drugs, StopReasonTable reasons, int graceDays) {
        this.drugs = drugs;
        this.judge = new OutcomeJudge(reasons, graceDays);
        this.graceDays = graceDays;
    }

    public List<TherapyEpisode> build(Collection<? extends IBaseResource> chart, LocalDate asOf) {
        MedicationRecordReader reader = new MedicationRecordReader(new MedicationResolver(chart));
        List<AllergyRecord> allergies = chart.stream().flatMap(resource -> AllergyRecord.read(resource).stream())
                .toList();
        List<TherapyEpisode> episodes = new ArrayList<>();
        byIngredient(chart, reader).forEach((ingredient, records) -> {
            for (Run run : runs(ingredient, records)) {
                episodes.add(episode(run, judge.judge(run, allergies, asOf), asOf));
            }
        });
        episodes.sort(ORDER);
        return List.copyOf(episodes);
    }

    private Map<Ingredient, List<MedicationRecord>> byIngredient(Collection<? extends IBaseResource> chart,
            MedicationRecordReader reader) {
        Map<String, Ingredient> ingredients = new LinkedHashMap<>();
        Map<Ingredient, List<MedicationRecord>> grouped = new LinkedHashMap<>();
        for (IBaseResource resource : chart) {
            reader.read(resource).ifPresent(record -> {
                for (Ingredient found : ingredientsOf(record.concept())) {
                    Ingredient ingredient = ingredients.computeIfAbsent(found.key(), key -> found);
                    grouped.computeIfAbsent(ingredient, key -> new ArrayList<>()).add(record);
                }
            });
        }
        return grouped;
    }

    private List<Ingredient> ingredientsOf(MedicationConcept concept) {
        List<IngredientRule> listed = drugs.match(concept);
        return listed.isEmpty() ? List.of(Ingredient.unlisted(concept))
                : listed.stream().map(Ingredient::listed).toList();
    }

    private List<Run> runs(Ingredient ingredient, List<MedicationRecord> records) {
        List<List<MedicationRecord>> merged = EpisodeMerger.merge(records, graceDays);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            Optional<LocalDate> next = i + 1 < merged.size() ? Optional.of(merged.get(i + 1).get(0).start())
                    : Optional.empty();
            runs.add(new Run(ingredient, merged.get(i), next));
        }
        return runs;
    }

    private static TherapyEpisode episode(Run run, Verdict verdict, LocalDate asOf) {
        Optional<LocalDate> end = verdict.outcome() == TherapyOutcome.ONGOING ? Optional.empty()
                : Optional.of(run.lastCovered());
        long days = Math.max(0, ChronoUnit.DAYS.between(run.start(), end.orElse(asOf)) + 1);
        Set<String> sources = new LinkedHashSet<>();
        run.records().forEach(record -> {
            sources.add(record.reference());
            sources.addAll(record.medicationSources());
        });
        verdict.extraSource().ifPresent(sources::add);
        return new TherapyEpisode(run.ingredient().coding().copy(), run.ingredient().drugClass(), run.start(), end,
                days, verdict.outcome(), verdict.basis(), List.copyOf(sources));
    }
}
