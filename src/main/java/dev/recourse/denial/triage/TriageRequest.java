package dev.recourse.denial.triage;

import dev.recourse.denial.DecisionLevel;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;

/**
 * The {@code $triage} inputs (DESIGN.md §4).
 *
 * @param coverage null to use a Coverage resolved on {@code denial.insurance.coverage}, if any
 * @param letterText the denial letter's text; may be null
 * @param receivedDate when the notice was received; null to use the ClaimResponse's received-date extension or
 *     the programme's receipt rule
 * @param decisionLevel null means the level the denial's decision-level extension marks, else {@link DecisionLevel#INITIAL}
 * @param urgent null means not urgent
 * @param asOf "now" for deciding whether windows have closed; null means the triage's clock
 */
public record TriageRequest(ClaimResponse denial, Coverage coverage, String letterText, LocalDate receivedDate,
        DecisionLevel decisionLevel, Boolean urgent, ZonedDateTime asOf) {

    /** The common case: a denial and its plan, decided at the initial level, not urgent, as of now. */
    public static TriageRequest of(ClaimResponse denial, Coverage coverage, String letterText) {
        return new TriageRequest(denial, coverage, letterText, null, null, null, null);
    }

    /** The level asked for; else the one the denial is marked with (a final internal denial on file); else initial. */
    public DecisionLevel levelOrDefault() {
        if (decisionLevel != null) {
            return decisionLevel;
        }
        return denial == null ? DecisionLevel.INITIAL : DecisionLevel.markedOn(denial).orElse(DecisionLevel.INITIAL);
    }

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }
}
