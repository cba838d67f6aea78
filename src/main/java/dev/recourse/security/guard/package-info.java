/**
 * Guards: rules that hold for every write, whatever the caller's scopes otherwise permit. The outbound URL
 * allow-list every feature asks before calling out ({@link dev.recourse.security.guard.OutboundUrlPolicy}),
 * applied to Subscription endpoints; and the mass-assignment rule that keeps patient- and user-context
 * apps from setting security labels, tags and ids, which only backend services may.
 */
package dev.recourse.security.guard;
