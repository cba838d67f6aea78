package dev.recourse.security.audit;

import dev.recourse.security.Caller;
import java.util.Optional;

/**
 * The circumstances of one request an event records, beside what it attempted.
 *
 * @param serverBase the FHIR base URL the request was made to; references in the event are absolute under it
 * @param requestId the request's id ({@code X-Request-ID}), so the event and the logs meet on one value
 * @param networkAddress the client's IP address
 * @param caller who called, as the bearer token said; empty when there was no valid token
 */
record AuditContext(String serverBase, String requestId, String networkAddress, Optional<Caller> caller) {}
