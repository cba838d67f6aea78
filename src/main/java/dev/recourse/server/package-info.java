/**
 * HAPI FHIR JPA wiring and nothing else: the database platform and schema migration, JPA storage
 * settings, the RestfulServer at {@code /fhir} with its providers and interceptors (found by type), and
 * the CapabilityStatement. No business logic lives here.
 */
package dev.recourse.server;
