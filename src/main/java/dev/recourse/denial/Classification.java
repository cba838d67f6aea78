package dev.recourse.denial;

import java.util.List;

/**
 * The categories of a denial, most likely first.
 *
 * @param notes basis lines that are not about one category: decisions (X12 306 A3), unrecognised codes, fallbacks
 * @param questions what to ask when the input could not decide
 */
public record Classification(List<CategoryFinding> categories, List<String> notes, List<String> questions) {

    public Classification {
        categories = List.copyOf(categories);
        notes = List.copyOf(notes);
        questions = List.copyOf(questions);
    }

    public DenialCategory primary() {
        return categories.get(0).category();
    }
}
