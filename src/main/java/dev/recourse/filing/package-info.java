/**
 * Filings past the plan: who receives an external review / IRO request, a Part D IRE request, a Medicaid fair hearing
 * request or a regulator complaint (rules/filing-addressees-*.yaml, one file per pathway family, per regime and state),
 * the plan's state, where the case stands (the adverse decision and level a filing answers, including deemed
 * exhaustion), and the payer's missed decision clocks the case records (rules/missed-decision-clocks.yaml). The letters
 * themselves are drawn by letter/.
 */
package dev.recourse.filing;
