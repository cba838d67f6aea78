/**
 * Reading a denial: turns a ClaimResponse (PAS or plain R4), its Coverage and the letter text into ranked
 * denial categories with the code or phrase that decided each, and the plan regime that decides which
 * rules apply. Code tables (CARC, RARC, NCPDP, X12 306) and phrase patterns are data in
 * {@code rules/*.yaml}, one citation per row; this package only interprets them. The
 * {@code triage} subpackage joins this with {@code dev.recourse.pathway} into one answer.
 */
package dev.recourse.denial;
