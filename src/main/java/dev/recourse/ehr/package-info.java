/**
 * The EHR side: configured EHR endpoints (Endpoint resources), the SMART Backend Services client that
 * authenticates there, the resilient pull of a case patient's history into our store with its Provenance,
 * and the prior-therapy timeline built from the medication records that payers' step-therapy criteria ask
 * about. Outbound URLs come only from Endpoint resources that pass the outbound URL policy.
 */
package dev.recourse.ehr;
