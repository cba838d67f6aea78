package dev.recourse.pathway;

/** An amount of time in one unit, e.g. 72 hours or 4 months. */
public record Span(int amount, ClockUnit unit) {

    public Span {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, not " + amount);
        }
    }

    @Override
    public String toString() {
        return amount + " " + unit.words();
    }
}
