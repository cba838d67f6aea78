package dev.recourse.ehr.timeline;

import java.util.Optional;

/** An outcome with the sentence that justifies it and the record behind it when that is not a medication record. */
record Verdict(TherapyOutcome outcome, String basis, Optional<String> extraSource) {

    static Verdict of(TherapyOutcome outcome, String basis) {
        return new Verdict(outcome, basis, Optional.empty());
    }
}
