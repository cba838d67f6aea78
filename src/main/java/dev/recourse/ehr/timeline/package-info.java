/**
 * The prior-therapy timeline: a patient's MedicationRequests, -Statements, -Dispenses and -Administrations (with
 * their Medications and AllergyIntolerances) turned into one episode per ingredient run, each with its drug class,
 * dates, days on therapy, and how it ended (ongoing, completed, stopped for inefficacy, adverse event, allergy,
 * another or no recorded reason) with the record that says so. Pure domain code over resources already in
 * memory; the drug classes and stop reasons are data in {@code rules/drug-classes.yaml} and
 * {@code rules/therapy-stop-reasons.yaml}. Entry point: {@link dev.recourse.ehr.timeline.PriorTherapyTimeline}.
 */
package dev.recourse.ehr.timeline;
