/**
 * The letter of medical necessity.
 * <p>
 * Rendering: {@link dev.recourse.letter.LetterRenderer} turns a letter's content
 * ({@link dev.recourse.letter.LetterContent}) into XHTML with the Thymeleaf templates under {@code letter/}, and that
 * same XHTML into a PDF/A file with embedded fonts — the archival form payers and courts accept. No FHIR there: what
 * the letter says is decided before it gets there.
 * <p>
 * Gathering: {@code $draft-letter} reads the case's resources ({@code LetterCaseReader}) and the gatherers
 * ({@code PartyFacts}, {@code CriteriaFacts}, {@code TherapyFacts}, {@code OffLabelFacts}, {@code PathwayFacts},
 * {@code SignatureFacts}) turn them into the content — pure functions, no store. Whatever no resource holds is a
 * {@link dev.recourse.letter.Fact#unknown() Fact.unknown()} and prints as a highlighted "[to be completed by the
 * specialist: …]" placeholder, so a gap is never blank and never filled with a guess.
 * <p>
 * Signing: {@code $sign} by the prescriber's own login makes the letter final; {@code SignedLetterGuard} keeps it so.
 */
package dev.recourse.letter;
