/**
 * Who is calling and what they may do. Spring Security validates the bearer token (configured issuers,
 * the development issuer, or introspection) and leaves a {@link dev.recourse.security.Caller}; HAPI
 * interceptors turn the caller's SMART scopes into decisions on every read, search, write, operation and
 * bundle entry, confined to the launch patient's compartment where the token has one.
 */
package dev.recourse.security;
