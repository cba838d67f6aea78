package dev.recourse.pathway;

import dev.recourse.denial.SourceConfidence;

/** Where a rule comes from and how well that source is verified (RULES.md tags). */
public record Citation(String text, SourceConfidence confidence) {
}
