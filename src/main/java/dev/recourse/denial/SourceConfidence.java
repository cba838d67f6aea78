package dev.recourse.denial;

/**
 * How well a rule row is sourced, as tagged in RULES.md: V verified against regulation text, S secondary
 * source, U unconfirmed. U rows may describe codes but must never drive a deadline.
 */
public enum SourceConfidence {
    V, S, U;

    public static SourceConfidence fromTag(String tag) {
        return valueOf(tag.trim().toUpperCase());
    }
}
