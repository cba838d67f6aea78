/**
 * The roads past a denial and their clocks: which pathways (exception, appeal, peer-to-peer, external review,
 * IRE, fair hearing, regulator, manufacturer programme…) are open for a denial category, plan regime and
 * decision level, ranked, each with a plain-language reason, citations, warnings and computed deadlines.
 * The rules are data ({@code rules/pathways.yaml}, {@code rules/clocks.yaml}); {@link PathwayPlanner} only
 * interprets them. Calendar arithmetic lives in {@code pathway.calendar}.
 */
package dev.recourse.pathway;
