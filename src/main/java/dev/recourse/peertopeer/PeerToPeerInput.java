package dev.recourse.peertopeer;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** The {@code $record-peer-to-peer} parameters as received. */
record PeerToPeerInput(CodeType outcome, Reference request, DateTimeType occurred, StringType note) {}
