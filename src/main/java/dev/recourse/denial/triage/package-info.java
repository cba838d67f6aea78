/**
 * The triage answer: {@link dev.recourse.denial.triage.DenialTriage} joins reading the denial, finding the plan
 * regime and planning pathways into one {@link dev.recourse.denial.triage.Triage}, and
 * {@link dev.recourse.denial.triage.TriageWriter} maps it to the {@code $triage} Parameters of DESIGN.md §4, so
 * the FHIR operation is a thin adapter: request record in, Parameters out.
 */
package dev.recourse.denial.triage;
