/**
 * Submission of a case's packet to the payer ({@code Task/[id]/$submit}): the payer Endpoints, a durable outbox of
 * submissions (one Task per packet identifier, claimed by a version-checked update so that several instances on one
 * database deliver each once), delivery over PAS {@code Claim/$submit} with retries, recovery by {@code Claim/$inquire}
 * when an earlier attempt's outcome is unknown, and the payer's response stored and linked from the case. Then the
 * payer's later decision: one PAS Subscription per subscribing payer (made once, retried like a submission), the
 * rest-hook receiver at {@code /pas-notifications/<payer>} authenticated by the subscription's secret, and the decision
 * kept and carried to the case (stage, and for an upheld or partly denied request the next pathway from triage).
 */
package dev.recourse.submission;
