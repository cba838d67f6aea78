/**
 * The payer side of Da Vinci PAS: {@code Claim/$submit} receives a PAS request Bundle (a plain prior-authorization
 * request, or one of our appeal and exception packets), stores what it was sent under ids of its own — never over this
 * deployment's own records, since one server can be both sides — and answers at once with a pended PAS response;
 * {@code Claim/$inquire} finds received submissions by member, provider and identifier and answers with their current
 * ClaimResponse. Decisions ({@code $decide}) and notifications of them come later.
 */
package dev.recourse.payer;
