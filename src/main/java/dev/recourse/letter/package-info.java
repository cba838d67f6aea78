/**
 * The letter of medical necessity, rendering half: {@link dev.recourse.letter.LetterRenderer} turns a letter's
 * content ({@link dev.recourse.letter.LetterContent}, gathered elsewhere from the case) into XHTML with the
 * Thymeleaf templates under {@code letter/}, and that same XHTML into a PDF/A file with embedded fonts — the
 * archival form payers and courts accept. No FHIR here: what the letter says is decided before it gets here.
 * <p>
 * Whatever the gatherer could not establish is a {@link dev.recourse.letter.Fact#unknown() Fact.unknown()} and
 * prints as a highlighted "[to be completed by the specialist: …]" placeholder, so a gap is never blank and never
 * filled with a guess.
 */
package dev.recourse.letter;
