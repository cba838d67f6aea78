package dev.recourse.pathway;

/** How long the deciding body has once it receives the request, e.g. 72 h or 30 d. */
public record DecisionTime(int amount, ClockUnit unit) {

    public static DecisionTime of(Span span) {
        return new DecisionTime(span.amount(), span.unit());
    }

    /** UCUM code: h for hours, d for (calendar or business) days. */
    public String ucum() {
        return unit.ucum();
    }

    @Override
    public String toString() {
        return amount + " " + unit.words();
    }
}
