/**
 * The payer side of Da Vinci PAS: {@code Claim/$submit} receives a PAS request Bundle (a plain prior-authorization
 * request, or one of our appeal and exception packets), stores what it was sent under ids of its own — never over this
 * deployment's own records, since one server can be both sides — and answers at once with a pended PAS response;
 * {@code Claim/$inquire} finds received submissions by member, provider and identifier and answers with their current
 * ClaimResponse; {@code Claim/[id]/$decide} records the reviewer's decision, and with it the notifications it owes the
 * requesting organization's PAS topic Subscriptions (R4 Subscriptions Backport, rest-hook, full-resource), delivered
 * from a durable outbox.
 */
package dev.recourse.payer;
