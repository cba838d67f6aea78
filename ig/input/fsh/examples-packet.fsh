// Evidence, letter, the appeal and exception requests, and the packet of the ocrelizumab scenario.
// Attachment data is a short placeholder PDF/HTML (base64); real packets carry the rendered documents.

// --- Evidence --------------------------------------------------------------------------------------
Instance: mri-brain-evidence
InstanceOf: RecourseEvidence
Title: "Evidence: brain MRI report"
Description: "MRI showing new gadolinium-enhancing lesions, supporting active relapsing MS."
* status = #current
* type = $LOINC#18748-4 "Diagnostic imaging study"
* category[recourseArtifact] = ArtifactType#evidence
* category[evidenceType] = EvidenceType#imaging "Imaging"
* subject = Reference(maya-okafor)
* date = "2026-09-28T10:00:00-05:00"
* description = "MRI brain with and without contrast, 2026-09-28: two new gadolinium-enhancing periventricular lesions."
* content[0].attachment.contentType = #application/pdf
* content[0].attachment.data = "JVBERi0xLjQKJcfsj6IKJSBNUkkgYnJhaW4gcmVwb3J0CiUlRU9GCg=="
* content[0].attachment.title = "MRI brain report 2026-09-28"
* context.related[0] = Reference(relapsing-ms)

Instance: dmt-history-note
InstanceOf: RecourseEvidence
Title: "Evidence: neurology note on prior therapy"
Description: "Progress note documenting relapse on interferon beta-1a and intolerance of dimethyl fumarate."
* status = #current
* type = $LOINC#11506-3 "Progress note"
* category[recourseArtifact] = ArtifactType#evidence
* category[evidenceType] = EvidenceType#chart-note "Chart note"
* subject = Reference(maya-okafor)
* date = "2026-10-14T14:30:00-05:00"
* author[0] = Reference(dr-ana-chen)
* description = "Two relapses in 12 months on interferon beta-1a; dimethyl fumarate stopped for severe flushing and GI intolerance."
* content[0].attachment.contentType = #application/pdf
* content[0].attachment.data = "JVBERi0xLjQKJcfsj6IKJSBOZXVyb2xvZ3kgcHJvZ3Jlc3Mgbm90ZQolJUVPRgo="
* content[0].attachment.title = "Neurology progress note 2026-10-14"
* context.related[0] = Reference(relapsing-ms)

// --- Letter ----------------------------------------------------------------------------------------
Instance: ocrevus-appeal-letter
InstanceOf: RecourseLetter
Title: "Letter: appeal of the ocrelizumab denial"
Description: "Letter of medical necessity for the internal appeal, signed by Dr Chen, as HTML and PDF."
* extension[pathway].valueCodeableConcept = Pathway#internal-appeal "Internal appeal"
* status = #current
* docStatus = #final
* type = $LOINC#51851-4 "Administrative note"
* type.text = "Letter of medical necessity"
* category[recourseArtifact] = ArtifactType#letter
* subject = Reference(maya-okafor)
* date = "2026-11-09T16:30:00-05:00"
* author[0] = Reference(dr-ana-chen)
* authenticator = Reference(dr-ana-chen)
* description = "Internal appeal of ACME-UM-558812: ocrelizumab for pediatric-onset relapsing MS after failure of two DMTs."
* content[html].attachment.contentType = #text/html
* content[html].attachment.data = "PGh0bWw+PGJvZHk+PHA+UmU6IEFwcGVhbCBvZiBBQ01FLVVNLTU1ODgxMjwvcD48L2JvZHk+PC9odG1sPgo="
* content[html].attachment.title = "Appeal letter (HTML)"
* content[pdf].attachment.contentType = #application/pdf
* content[pdf].attachment.data = "JVBERi0xLjQKJcfsj6IKJSBBcHBlYWwgbGV0dGVyCiUlRU9GCg=="
* content[pdf].attachment.title = "Appeal letter (PDF)"
* context.related[0] = Reference(ocrevus-offlabel)

// --- Requests --------------------------------------------------------------------------------------
// documentInformation(reportTypeCode): PWK01 (X12 755) report type of an attachment; transmitted electronically (EL).
RuleSet: Attachment(sequence, reportType, target)
* supportingInfo[AdditionalInformation][+].sequence = {sequence}
* supportingInfo[AdditionalInformation][=].extension[documentInformation].extension[reportTypeCode].valueCodeableConcept = $X12-755#{reportType}
* supportingInfo[AdditionalInformation][=].extension[documentInformation].extension[transmissionMethod].valueCodeableConcept = $X12-756#EL
* supportingInfo[AdditionalInformation][=].valueReference = Reference({target})

// The parts every request about this denial shares: who, whose plan, what, and which denial.
RuleSet: OcrevusRequest
* extension[originalRequest].valueReference.identifier.system = "http://lakeside-neuro.example.org/pa-request"
* extension[originalRequest].valueReference.identifier.value = "LN-PA-2026-10-0917"
* status = #active
* type = $claim-type#professional
* use = #preauthorization
* patient = Reference(maya-okafor)
* insurer = Reference(acme-health-plan)
* provider = Reference(lakeside-neurology)
* priority = $processpriority#normal
* insurance[0].sequence = 1
* insurance[0].focal = true
* insurance[0].coverage = Reference(maya-coverage)
* diagnosis[0].sequence = 1
* diagnosis[0].diagnosisCodeableConcept = $ICD10CM#G35.A "Relapsing-remitting multiple sclerosis"
* item[0].sequence = 1
* item[0].extension[requestType].valueCodeableConcept = $X12-1525#HS "Health Services Review"
* item[0].extension[administrationReferenceNumber].valueString = "ACME-UM-558812"
* item[0].extension[requestedService].valueReference = Reference(ocrelizumab-order)
* item[0].diagnosisSequence[0] = 1
* item[0].category = $X12-1365#1 "Medical Care"
* item[0].productOrService = $HCPCS#J2350 "Injection, ocrelizumab, 1 mg"
* item[0].servicedDate = "2026-12-01"
* item[0].locationCodeableConcept = $POS#11 "Office"

Instance: ocrevus-appeal
InstanceOf: RecourseAppealRequest
Title: "Appeal request: ocrelizumab"
Description: "Standard internal appeal (certificationType 2) of the denied request, with criteria map, letter and evidence."
* insert OcrevusRequest
* extension[pathway].valueCodeableConcept = Pathway#internal-appeal "Internal appeal"
* identifier[0].system = "http://recourse.example.org/request"
* identifier[0].value = "RC-APL-2026-000117"
* created = "2026-11-09T17:00:00-05:00"
* insert Attachment(1, OZ, ocrevus-offlabel-criteria-map)
* insert Attachment(2, OZ, ocrevus-appeal-letter)
* insert Attachment(3, RR, mri-brain-evidence)
* insert Attachment(4, M1, dmt-history-note)
* item[0].extension[certificationType].valueCodeableConcept = $X12-1322#2 "Appeal - Standard"
* item[0].informationSequence[0] = 1
* item[0].informationSequence[1] = 2
* item[0].informationSequence[2] = 3
* item[0].informationSequence[3] = 4

Instance: ocrevus-exception
InstanceOf: RecourseExceptionRequest
Title: "Exception request: ocrelizumab criteria exception"
Description: "Asks the plan to approve although criterion CP-0412-2 (age) is not met, on the prescriber's clinical judgement."
* insert OcrevusRequest
* extension[exceptionType].valueCodeableConcept = ExceptionType#prior-auth-criteria "Criteria exception"
* extension[pathway].valueCodeableConcept = Pathway#internal-appeal "Internal appeal"
* identifier[0].system = "http://recourse.example.org/request"
* identifier[0].value = "RC-EXC-2026-000042"
* created = "2026-11-09T17:05:00-05:00"
* insert Attachment(1, OZ, ocrevus-appeal-letter)
* item[0].extension[certificationType].valueCodeableConcept = $X12-1322#I "Initial"
* item[0].informationSequence[0] = 1

// --- Packet ----------------------------------------------------------------------------------------
RuleSet: Entry(type, id)
* entry[+].fullUrl = "http://recourse.example.org/fhir/{type}/{id}"
* entry[=].resource = {id}

Instance: ocrevus-appeal-packet
InstanceOf: RecoursePacket
Title: "Packet: ocrelizumab appeal"
Description: "The PAS request Bundle for the appeal: the appeal Claim first, then every resource it references, directly or through them."
* identifier.system = "urn:ietf:rfc:3986"
* identifier.value = "urn:uuid:6f1d2c1e-5b7a-4c55-9a3e-0c2f8e4b9a17"
* type = #collection
* timestamp = "2026-11-09T17:01:00-05:00"
* insert Entry(Claim, ocrevus-appeal)
* insert Entry(Patient, maya-okafor)
* insert Entry(Coverage, maya-coverage)
* insert Entry(Patient, daniel-okafor)
* insert Entry(Organization, acme-health-plan)
* insert Entry(Organization, lakeside-neurology)
* insert Entry(Practitioner, dr-ana-chen)
* insert Entry(MedicationRequest, ocrelizumab-order)
* insert Entry(Condition, relapsing-ms)
* insert Entry(QuestionnaireResponse, ocrevus-offlabel-criteria-map)
* insert Entry(DocumentReference, ocrevus-appeal-letter)
* insert Entry(DocumentReference, mri-brain-evidence)
* insert Entry(DocumentReference, dmt-history-note)
* insert Entry(ClaimResponse, ocrevus-offlabel)
