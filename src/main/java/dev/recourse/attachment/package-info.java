/**
 * Later document requests, provider side: a payer's request for more documents (a PAS Task, or CommunicationRequests,
 * in its answer) recorded on the case, and the documents sent back with CDex {@code $submit-attachment}
 * ({@code Task/[id]/$send-documents}), recorded as a Communication.
 */
package dev.recourse.attachment;
