package dev.recourse.pathway;

/** How a clock's amount is counted. */
public enum ClockUnit {
    /** Real elapsed hours from the moment of receipt. */
    HOURS("h", "hours"),
    CALENDAR_DAYS("d", "calendar days"),
    /** Monday–Friday excluding federal holidays ("working days" in some rules). */
    BUSINESS_DAYS("d", "business days"),
    /** Same day N months later; no such day → first day of the month after (45 CFR 147.136(d)). */
    MONTHS("mo", "months");

    private final String ucum;
    private final String words;

    ClockUnit(String ucum, String words) {
        this.ucum = ucum;
        this.words = words;
    }

    /** The UCUM code of the unit; business days are still "d", their words say how they count. */
    public String ucum() {
        return ucum;
    }

    public String words() {
        return words;
    }

    public static ClockUnit fromCode(String code) {
        return switch (code) {
            case "hours" -> HOURS;
            case "calendar-days" -> CALENDAR_DAYS;
            case "business-days" -> BUSINESS_DAYS;
            case "months" -> MONTHS;
            default -> throw new IllegalArgumentException(
                    "unit must be hours, calendar-days, business-days or months, not '" + code + "'");
        };
    }
}
