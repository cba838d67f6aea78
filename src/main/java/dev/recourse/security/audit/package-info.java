/**
 * The audit trail: an IHE Basic Audit Logging Pattern (BALP) AuditEvent for every access to patient data
 * over the FHIR API — read, search, create, update, delete, operation — and for every refused or failed
 * attempt, naming the client, the user, the token's patient context, what was touched and the outcome.
 * HAPI's own BALP interceptor builds the read, search and write events; this package adds operations and
 * failures, fills the agents from the {@link dev.recourse.security.Caller}, and stores every event through
 * HAPI's AuditEvent DAO: inside the transaction of the change it records, or before the response goes out.
 */
package dev.recourse.security.audit;
