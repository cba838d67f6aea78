package dev.recourse.denial.triage;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;

/**
 * The {@code $triage} parameters as received, before they are checked and resolved.
 *
 * @param denialId the stored denial, for the instance-level call; null at type level
 * @param denial the posted denial, for the type-level call; null at instance level
 */
record TriageInput(
		IdType denialId,
		ClaimResponse denial,
		Coverage coverage,
		StringType letterText,
		DateType receivedDate,
		CodeType decisionLevel,
		BooleanType urgent,
		DateTimeType asOf) {}
