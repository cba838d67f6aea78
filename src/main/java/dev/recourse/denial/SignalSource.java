package dev.recourse.denial;

/** Where in the ClaimResponse a coded signal was found. */
public enum SignalSource {
    /** PAS reviewAction code (X12 306): the decision itself. */
    REVIEW_ACTION,
    /** PAS reviewAction reasonCode (X12 886). */
    REVIEW_REASON,
    /** adjudication.reason: CARC, RARC or NCPDP reject codes. */
    ADJUDICATION_REASON,
    /** ClaimResponse.error.code. */
    ERROR
}
