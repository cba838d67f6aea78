package dev.recourse.denial;

/** Where a rule comes from and how well that source is verified (RULES.md tags). */
public record Citation(String text, SourceConfidence confidence) {
}
