/**
 * The durable outbox both directions of PAS share: work the server owes someone outside (a packet to file with a payer,
 * a decision notification to a provider) kept as a FHIR Task, claimed for each attempt by a version-checked update
 * with a lease, retried with backoff up to a limit, drained on a schedule by every instance on the database. The
 * features own what a record means and how an attempt is made; this package owns the states and the writes.
 */
package dev.recourse.outbox;
