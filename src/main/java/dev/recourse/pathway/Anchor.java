package dev.recourse.pathway;

/** The event a clock counts from. Getting this wrong shifts every deadline, so each rule names its own. */
public enum Anchor {
    /** The date printed on the notice (ClaimResponse.created), e.g. Medicaid "from the date on the notice". */
    NOTICE_DATE,
    /** Actual receipt of the notice; when unknown we count from the notice date, the earliest possible day. */
    RECEIPT,
    /** Receipt, presumed 5 calendar days after the notice date unless a receipt date is known (Medicare). */
    RECEIPT_PRESUMED_FIVE_DAYS,
    /** The plan's receipt of the request being decided: a decision clock, relative until the request is filed. */
    REQUEST_RECEIPT,
    /** The plan's receipt of the prescriber's supporting statement (Part D exceptions). */
    SUPPORTING_STATEMENT;

    public static Anchor fromCode(String code) {
        return switch (code) {
            case "notice-date" -> NOTICE_DATE;
            case "receipt" -> RECEIPT;
            case "receipt-presumed-5-days" -> RECEIPT_PRESUMED_FIVE_DAYS;
            case "request-receipt" -> REQUEST_RECEIPT;
            case "supporting-statement" -> SUPPORTING_STATEMENT;
            default -> throw new IllegalArgumentException("unknown anchor '" + code + "'");
        };
    }
}
