/**
 * Denial metrics: a read model of cases (provider side) and received prior-authorization requests (payer side), kept
 * in the same transaction as the FHIR writes it is read from, aggregated in SQL per organization and period into
 * MeasureReports and CSV ({@code Organization/[id]/$denial-metrics}).
 */
package dev.recourse.metrics;
