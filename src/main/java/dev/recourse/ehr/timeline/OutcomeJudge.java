package dev.recourse.ehr.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Decides how a run ended; the first rule that applies wins: an allergy or intolerance to the ingredient dated
 * within the run; a stop reason on the latest order or statement that the stop-reason table knows; still going;
 * a stop reason it does not know (stopped-other); completed; stopped or lapsed without a reason.
 */
final class OutcomeJudge {

    private static final Map<String, String> SYSTEM_NAMES = Map.of("http://snomed.info/sct", "SNOMED",
            "http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason", "HL7 status reason");

    private final StopReasonTable reasons;
    private final int graceDays;

    OutcomeJudge(StopReasonTable reasons, int graceDays) {
        this.reasons = reasons;
        this.graceDays = graceDays;
    }

    Verdict judge(Run run, List<AllergyRecord> allergies, LocalDate asOf) {
        Optional<MedicationRecord> last = run.latestOrderOrStatement();
        Optional<Verdict> decided = allergy(run, allergies).or(() -> last.flatMap(this::knownReason));
        if (decided.isPresent()) {
            return decided.get();
        }
        Optional<String> ongoing = ongoing(run, asOf);
        if (ongoing.isPresent()) {
            return Verdict.of(TherapyOutcome.ONGOING, ongoing.get());
        }
        return last.flatMap(OutcomeJudge::unknownReason).orElseGet(() -> ended(run, last));
    }

    private static Optional<Verdict> allergy(Run run, List<AllergyRecord> allergies) {
        return allergies.stream()
                .filter(allergy -> run.ingredient().matches(allergy.substance())
                        && allergy.dated(run.start(), run.nextStart()))
                .findFirst()
                .map(allergy -> new Verdict(allergy.intolerance() ? TherapyOutcome.STOPPED_ADVERSE_EVENT
                        : TherapyOutcome.STOPPED_ALLERGY, allergy.describe(run.ingredient().name()),
                        Optional.of(allergy.reference())));
    }

    private Optional<Verdict> knownReason(MedicationRecord record) {
        for (CodeableConcept reason : record.statusReasons()) {
            Optional<StopReasonRule> rule = reasons.classify(reason);
            if (rule.isPresent()) {
                return Optional.of(Verdict.of(rule.get().outcome(), reasonBasis(record, reason)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> unknownReason(MedicationRecord record) {
        return record.statusReasons().stream().findFirst()
                .map(reason -> Verdict.of(TherapyOutcome.STOPPED_OTHER, reasonBasis(record, reason)));
    }

    /**
     * An order or statement still active (or on hold) with no end before asOf; or, when the latest record is a
     * dispense or administration, one whose supply reaches within the grace gap of asOf, because a refill
     * arriving by then would continue this same episode.
     */
    private Optional<String> ongoing(Run run, LocalDate asOf) {
        MedicationRecord latest = run.latest();
        if (latest.kind().saysTherapyStatus()) {
            boolean open = latest.isContinuing() && latest.end().map(end -> !end.isBefore(asOf)).orElse(true);
            return open ? Optional.of(latest.reference() + " is " + latest.status() + " with no end before " + asOf)
                    : Optional.empty();
        }
        boolean recent = !latest.coveredUntil().plusDays(graceDays).isBefore(asOf);
        return recent ? Optional.of(latest.reference() + " covers through " + latest.coveredUntil() + ", within the "
                + graceDays + "-day grace gap of " + asOf) : Optional.empty();
    }

    private static Verdict ended(Run run, Optional<MedicationRecord> last) {
        if (last.isPresent() && last.get().isCompleted()) {
            return Verdict.of(TherapyOutcome.COMPLETED, last.get().reference() + " status completed");
        }
        if (last.isPresent() && last.get().isStopped()) {
            return Verdict.of(TherapyOutcome.STOPPED_UNKNOWN, last.get().reference() + " " + last.get().status()
                    + ", no reason recorded");
        }
        MedicationRecord latest = run.latest();
        return Verdict.of(TherapyOutcome.STOPPED_UNKNOWN, "no record after " + run.lastCovered() + " (latest: "
                + latest.reference() + ", status " + latest.status() + "); stopped, no reason recorded");
    }

    private static String reasonBasis(MedicationRecord record, CodeableConcept reason) {
        Optional<Coding> coded = reason.getCoding().stream().filter(Coding::hasCode).findFirst();
        String text = reason.hasText() ? reason.getText()
                : coded.map(coding -> coding.hasDisplay() ? coding.getDisplay() : coding.getCode()).orElse("");
        String code = coded.map(coding -> " (" + SYSTEM_NAMES.getOrDefault(coding.getSystem(), coding.getSystem())
                + " " + coding.getCode() + ")").orElse("");
        return record.reference() + " statusReason: '" + text + "'" + code;
    }
}
