package dev.recourse.pathway;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The dates a filing clock can count from.
 *
 * @param noticeDate the date on the notice (ClaimResponse.created)
 * @param receivedDate when the notice was actually received; null when unknown
 */
public record AnchorDates(LocalDate noticeDate, LocalDate receivedDate) {

    public AnchorDates {
        Objects.requireNonNull(noticeDate, "noticeDate");
    }
}
