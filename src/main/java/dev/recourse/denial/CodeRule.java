package dev.recourse.denial;

/**
 * One row of a code table: what a reason or action code means for triage.
 *
 * @param category the denial category the code points to; null when the code is understood but says nothing
 *     about the category (e.g. X12 306 A3 "Not Certified", CARC 45 fee-schedule reduction)
 * @param weight how strongly the code alone decides the category, 0..1
 * @param decision for review-action codes: denied, approved, pended, modified, partial, other; else null
 */
public record CodeRule(String system, String code, String description, DenialCategory category, double weight,
        String decision, Citation citation) {
}
