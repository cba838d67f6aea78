package dev.recourse.pathway;

import dev.recourse.pathway.calendar.BusinessDays;
import dev.recourse.pathway.calendar.MonthRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a filing clock and the notice dates into the last timely day: pick the anchor, count the span in the
 * rule's unit, then roll a weekend or federal holiday forward only where the rule says so.
 */
public final class DeadlineCalculator {

    private static final int PRESUMED_MAIL_DAYS = 5;

    private DeadlineCalculator() {
    }

    public static FilingDeadline filingDeadline(ClockRule rule, AnchorDates dates) {
        List<String> notes = new ArrayList<>();
        LocalDate anchor = anchorDate(rule.anchor(), dates, notes);
        if (anchor == null) {
            return new FilingDeadline(null, notes);
        }
        LocalDate last = count(anchor, rule.span());
        if (rule.rollForward()) {
            LocalDate rolled = BusinessDays.onOrAfter(last);
            if (!rolled.equals(last)) {
                notes.add(last + " is a weekend or federal holiday, so the deadline moves to " + rolled
                        + " (" + rule.citation().text() + ").");
            }
            last = rolled;
        }
        return new FilingDeadline(last, notes);
    }

    static LocalDate count(LocalDate anchor, Span span) {
        return switch (span.unit()) {
            case CALENDAR_DAYS -> anchor.plusDays(span.amount());
            case BUSINESS_DAYS -> BusinessDays.plus(anchor, span.amount());
            case MONTHS -> MonthRule.plusMonths(anchor, span.amount());
            case HOURS -> throw new IllegalArgumentException("an hour clock has no last day; use ElapsedClock");
        };
    }

    private static LocalDate anchorDate(Anchor anchor, AnchorDates dates, List<String> notes) {
        return switch (anchor) {
            case NOTICE_DATE -> dates.noticeDate();
            case RECEIPT -> receiptOrNotice(dates, notes);
            case RECEIPT_PRESUMED_FIVE_DAYS -> presumedReceipt(dates, notes);
            case REQUEST_RECEIPT, SUPPORTING_STATEMENT -> {
                notes.add("This clock starts at a later event (" + anchor.name().toLowerCase().replace('_', ' ')
                        + "), so there is no date yet.");
                yield null;
            }
        };
    }

    private static LocalDate receiptOrNotice(AnchorDates dates, List<String> notes) {
        if (dates.receivedDate() != null) {
            return dates.receivedDate();
        }
        notes.add("The date the notice was received is unknown, so the deadline is counted from the notice date "
                + dates.noticeDate() + " (the earliest it could have been received); give the received date for"
                + " the exact deadline.");
        return dates.noticeDate();
    }

    private static LocalDate presumedReceipt(AnchorDates dates, List<String> notes) {
        if (dates.receivedDate() != null) {
            return dates.receivedDate();
        }
        LocalDate presumed = dates.noticeDate().plusDays(PRESUMED_MAIL_DAYS);
        notes.add("Receipt is presumed 5 days after the notice date (" + dates.noticeDate() + " → " + presumed + ").");
        return presumed;
    }
}
