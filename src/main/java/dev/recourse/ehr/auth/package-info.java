/**
 * The client side of SMART Backend Services: the keystore of our signing keys, token endpoint discovery,
 * signed client assertions and the {@code client_credentials} grant, and the per-EHR token cache
 * ({@link dev.recourse.ehr.auth.EhrAccessTokens}) the EHR client asks before each call. Every URL called
 * passes the outbound URL policy first, and no redirect is followed.
 */
package dev.recourse.ehr.auth;
