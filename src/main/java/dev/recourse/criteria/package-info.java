/**
 * Coverage criteria: the library of payers' coverage policies as DTR-compatible Questionnaires
 * (RecourseCoveragePolicy), loaded from {@code policies/} at start-up and versioned over the FHIR API,
 * and — to come — their evaluation against the case patient's chart into a criteria map.
 */
package dev.recourse.criteria;
