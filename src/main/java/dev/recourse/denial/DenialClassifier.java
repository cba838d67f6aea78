package dev.recourse.denial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Ranks denial categories from every signal present: coded reasons via the code tables, free text via the
 * phrase patterns. Evidence for one category combines as independent signals (1 − Π(1 − weight)); each
 * unrecognised code multiplies every confidence by {@value #UNKNOWN_CODE_FACTOR} because the code we could not
 * read may be the real reason. Pipeline: codes → texts → combine → penalise → rank (→ fallback if empty).
 */
public final class DenialClassifier {

    static final double UNKNOWN_CODE_FACTOR = 0.8;
    static final double FALLBACK_CONFIDENCE = 0.2;

    private final CodeTables codes;
    private final PhraseRules phrases;

    public DenialClassifier(CodeTables codes, PhraseRules phrases) {
        this.codes = codes;
        this.phrases = phrases;
    }

    public Classification classify(Denial denial, List<DenialText> extraTexts) {
        if (denial.signals().isEmpty() && denial.texts().isEmpty() && extraTexts.isEmpty()) {
            throw new TriageException(TriageException.NOTHING_TO_TRIAGE, "ClaimResponse.item",
                    "The ClaimResponse has no decision, reason code, error or note, and no letter text was given.");
        }
        Evidence evidence = new Evidence();
        denial.signals().forEach(signal -> readCode(signal, evidence));
        List<DenialText> texts = new ArrayList<>(denial.texts());
        texts.addAll(extraTexts);
        texts.forEach(text -> readText(text, evidence));
        if (evidence.isEmpty()) {
            refuseWhenNothingWasDenied(evidence);
            return fallback(evidence);
        }
        return new Classification(evidence.ranked(), evidence.notes, List.of());
    }

    private void readCode(DenialSignal signal, Evidence evidence) {
        codes.find(signal.system(), signal.code()).ifPresentOrElse(
                rule -> useCode(signal, rule, evidence),
                () -> evidence.unrecognised(signal));
    }

    private static void useCode(DenialSignal signal, CodeRule rule, Evidence evidence) {
        String basis = signal.label() + " \"" + rule.description() + "\" (" + signal.path() + ")";
        if (rule.category() != null) {
            evidence.add(rule.category(), rule.weight(), basis);
        } else if (rule.decision() != null) {
            evidence.notes.add(basis + ": the decision is " + rule.decision() + ".");
            evidence.decisions.add(rule.decision());
        } else {
            evidence.notes.add(basis + ": understood, but it does not name a category.");
        }
    }

    private void readText(DenialText text, Evidence evidence) {
        String normalised = text.text().replaceAll("\\s+", " ");
        for (PhraseRule rule : phrases.all()) {
            Matcher matcher = rule.pattern().matcher(normalised);
            if (matcher.find()) {
                evidence.add(rule.category(), rule.weight(), text.origin() + ": \"" + matcher.group() + "\"");
            }
        }
    }

    /** Approved or pended requests have nothing to appeal; saying so beats inventing a category. */
    private static void refuseWhenNothingWasDenied(Evidence evidence) {
        Set<String> adverse = Set.of("denied", "partial", "modified");
        boolean onlyBenign = !evidence.decisions.isEmpty() && evidence.decisions.stream().noneMatch(adverse::contains);
        if (onlyBenign && evidence.unrecognisedCount == 0) {
            throw new TriageException(TriageException.NOTHING_TO_TRIAGE, "ClaimResponse.item.adjudication",
                    "Nothing was denied: the review action is " + String.join(", ", evidence.decisions) + ".");
        }
    }

    private static Classification fallback(Evidence evidence) {
        String why = evidence.decisions.contains("denied")
                ? "The request was not certified but no recognised code or phrase says why; treated as a failed"
                        + " medical-necessity review until the letter says otherwise."
                : "No recognised code or phrase says why care was denied; treated as a medical-necessity denial"
                        + " until the letter says otherwise.";
        CategoryFinding guess = new CategoryFinding(DenialCategory.MEDICAL_NECESSITY, List.of(why),
                Evidence.round(evidence.penalise(FALLBACK_CONFIDENCE)));
        return new Classification(List.of(guess), evidence.notes,
                List.of("What reason did the plan give? Paste the denial letter text or its reason codes (CARC, RARC,"
                        + " NCPDP reject or X12 886)."));
    }

    /** Evidence gathered so far, per category, plus lines that are not about one category. */
    private static final class Evidence {
        private final Map<DenialCategory, List<Weighted>> byCategory = new EnumMap<>(DenialCategory.class);
        private final List<String> notes = new ArrayList<>();
        private final Set<String> decisions = new LinkedHashSet<>();
        private int unrecognisedCount;

        void add(DenialCategory category, double weight, String basis) {
            List<Weighted> list = byCategory.computeIfAbsent(category, c -> new ArrayList<>());
            if (list.stream().noneMatch(w -> w.basis().equals(basis))) {
                list.add(new Weighted(weight, basis));
            }
        }

        void unrecognised(DenialSignal signal) {
            unrecognisedCount++;
            notes.add(signal.label() + " (" + signal.path() + ") is not a code we recognise; it was not used and"
                    + " confidence is lowered.");
        }

        boolean isEmpty() {
            return byCategory.isEmpty();
        }

        double penalise(double confidence) {
            return confidence * Math.pow(UNKNOWN_CODE_FACTOR, unrecognisedCount);
        }

        List<CategoryFinding> ranked() {
            Comparator<Map.Entry<DenialCategory, List<Weighted>>> order = Comparator
                    .comparingDouble((Map.Entry<DenialCategory, List<Weighted>> e) -> combined(e.getValue()))
                    .thenComparingDouble(e -> strongest(e.getValue())).reversed()
                    .thenComparing(Map.Entry::getKey);
            return byCategory.entrySet().stream().sorted(order)
                    .map(e -> new CategoryFinding(e.getKey(), basisStrongestFirst(e.getValue()),
                            round(penalise(combined(e.getValue())))))
                    .toList();
        }

        private static double combined(List<Weighted> evidence) {
            double missAll = 1;
            for (Weighted w : evidence) {
                missAll *= 1 - w.weight();
            }
            return 1 - missAll;
        }

        private static double strongest(List<Weighted> evidence) {
            return evidence.stream().mapToDouble(Weighted::weight).max().orElse(0);
        }

        private static List<String> basisStrongestFirst(List<Weighted> evidence) {
            return evidence.stream().sorted(Comparator.comparingDouble(Weighted::weight).reversed())
                    .map(Weighted::basis).toList();
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    private record Weighted(double weight, String basis) {
    }
}
