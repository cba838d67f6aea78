package dev.recourse.pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * The last day a filing is timely, with the notes that explain how it was counted.
 *
 * @param lastDay null when the clock waits for an event that has not happened
 */
public record FilingDeadline(LocalDate lastDay, List<String> notes) {

    public FilingDeadline {
        notes = List.copyOf(notes);
    }
}
