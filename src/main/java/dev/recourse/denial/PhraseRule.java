package dev.recourse.denial;

import java.util.regex.Pattern;

/** A phrase in denial text that points to a category, e.g. "not FDA-approved for this use" → off-label. */
public record PhraseRule(Pattern pattern, DenialCategory category, double weight, Citation citation) {
}
