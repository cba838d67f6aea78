package dev.recourse.denial;

import java.util.List;

/**
 * One denial category with what decided it.
 *
 * @param basis the codes or phrases that point to this category, strongest first, each with where it was found
 * @param confidence 0..1: how sure the triage is, lowered by unrecognised codes in the same denial
 */
public record CategoryFinding(DenialCategory category, List<String> basis, double confidence) {

    public CategoryFinding {
        basis = List.copyOf(basis);
    }
}
