/**
 * The SMART on FHIR app for prior-authorization specialists ({@code app/}, built by Maven into the jar's static
 * resources): where it is served ({@code /app/}), and the headers that let an EHR frame it and nothing inject into it.
 */
package dev.recourse.app;
