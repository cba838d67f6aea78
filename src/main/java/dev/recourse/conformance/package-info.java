/**
 * Conformance: the FHIR packages Recourse builds on (US Core, PAS, DTR, SDC, terminology) and our own
 * conformance resources from {@code profiles/}, loaded at start-up from the server's own resources;
 * validation against them, and the enforcement that answers 422 when a resource claiming one of our
 * profiles does not conform.
 */
package dev.recourse.conformance;
