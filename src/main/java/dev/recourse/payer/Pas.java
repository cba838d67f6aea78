package dev.recourse.payer;

/** The Da Vinci PAS 2.2.1 canonicals and codes the payer side reads and writes. */
final class Pas {
	static final String SUBMIT = "http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-submit";
	static final String INQUIRE = "http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-inquiry";

	private static final String SD = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	static final String REQUEST_BUNDLE = SD + "profile-pas-request-bundle";
	static final String RESPONSE_BUNDLE = SD + "profile-pas-response-bundle";
	static final String INQUIRY_REQUEST_BUNDLE = SD + "profile-pas-inquiry-request-bundle";
	static final String INQUIRY_RESPONSE_BUNDLE = SD + "profile-pas-inquiry-response-bundle";
	static final String CLAIM_RESPONSE = SD + "profile-claimresponse";
	static final String CLAIM_INQUIRY_RESPONSE = SD + "profile-claiminquiryresponse";
	static final String TASK = SD + "profile-task";
	static final String COMMUNICATION_REQUEST = SD + "profile-communicationrequest";
	static final String SERVICE_LINE_NUMBER = SD + "extension-serviceLineNumber";

	static final String REVIEW_ACTION = dev.recourse.denial.CodeSystems.PAS_REVIEW_ACTION;
	static final String REVIEW_ACTION_CODE = dev.recourse.denial.CodeSystems.PAS_REVIEW_ACTION_CODE;
	static final String REVIEW_NUMBER = "number";
	static final String ITEM_TRACE_NUMBER = SD + "extension-itemTraceNumber";
	static final String ADMINISTRATION_REFERENCE_NUMBER = SD + "extension-administrationReferenceNumber";
	static final String CLAIM_RESPONSE_REVIEWER = SD + "extension-claimResponseReviewer";
	static final String NPI = "http://hl7.org/fhir/sid/us-npi";

	/** X12 306 Action Code (HCR01): A1 certified in total, A3 not certified, A4 pended, A6 modified. */
	static final String REVIEW_ACTION_CODES = dev.recourse.denial.CodeSystems.X12_REVIEW_ACTION;
	static final String PENDED = "A4";
	static final String ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication";

	/** PAS's temporary codes: the Task's code, reason and input types of a request for documents. */
	static final String TEMP_CODES = "http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes";
	static final String ATTACHMENT_REQUEST = "attachment-request-code";
	static final String PAYER_URL = "payer-url";
	static final String ATTACHMENTS_NEEDED = "attachments-needed";
	static final String PRIOR_AUTHORIZATION = "priorAuthorization";
	static final String LOINC = "http://loinc.org";
	/** CDex {@code $submit-attachment}, which this server answers as a payer. */
	static final String SUBMIT_ATTACHMENT = "http://hl7.org/fhir/us/davinci-cdex/OperationDefinition/submit-attachment";

	/** The payer's tracking number of a received submission (X12 REF*BB, administration reference number). */
	static final String TRACKING_NUMBER_SYSTEM = "http://recourse.dev/fhir/sid/pas-tracking-number";
	/** The payer's number of one document asked for (X12 PWK06, attachment control number): tracking number, round, line. */
	static final String ATTACHMENT_CONTROL_NUMBER_SYSTEM = "http://recourse.dev/fhir/sid/pas-attachment-control-number";

	private Pas() {
	}
}
