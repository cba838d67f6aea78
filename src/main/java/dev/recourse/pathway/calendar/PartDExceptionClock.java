package dev.recourse.pathway.calendar;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The Part D exception clock (42 CFR 423.568(b), 423.570, 423.572(a), 423.578(b)): the plan must decide within
 * 72 h (24 h expedited) after it receives the prescriber's supporting statement, and in any case within 72 h
 * (24 h) after the end of day 14 counted from the request. "End of day 14" is read as midnight at the start of
 * the 15th day after the request date, in the request's own time zone.
 */
public final class PartDExceptionClock {

    private static final int STANDARD_HOURS = 72;
    private static final int EXPEDITED_HOURS = 24;
    private static final int STATEMENT_WAIT_DAYS = 14;

    private PartDExceptionClock() {
    }

    /**
     * When the decision is due.
     *
     * @param requestReceived when the plan received the exception request
     * @param statementReceived when it received the supporting statement; empty if it has not (yet)
     * @param expedited whether the request is expedited (24 h instead of 72 h)
     */
    public static ZonedDateTime decisionDue(ZonedDateTime requestReceived, Optional<ZonedDateTime> statementReceived,
            boolean expedited) {
        int hours = expedited ? EXPEDITED_HOURS : STANDARD_HOURS;
        ZonedDateTime endOfDay14 = requestReceived.toLocalDate().plusDays(STATEMENT_WAIT_DAYS + 1L)
                .atStartOfDay(requestReceived.getZone());
        ZonedDateTime backstop = ElapsedClock.dueAt(endOfDay14, hours);
        return statementReceived
                .map(statement -> ElapsedClock.dueAt(statement, hours))
                .filter(due -> due.isBefore(backstop))
                .orElse(backstop);
    }
}
