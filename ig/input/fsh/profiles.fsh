// Recourse profiles. Where the wire format is Da Vinci PAS 2.2.1 we derive from PAS; the criteria map and
// the policy derive from DTR 2.0.1; patient data referenced by our own elements uses US Core 6.1.0.

RuleSet: RecourseProfile(id)
* ^url = "http://recourse.dev/fhir/StructureDefinition/{id}"
* ^status = #active
* ^experimental = false
* ^publisher = "Recourse"

// --- RecourseDenial --------------------------------------------------------------------------------
Profile: RecourseDenial
Parent: $PASClaimResponse
Id: recourse-denial
Title: "Recourse Denial"
Description: """A payer's adverse decision on a prior authorization request, as Recourse stores and triages it. PAS ClaimResponse,
with the date the notice was received. `created` is the notice date. Reasons are read from item.adjudication
reviewAction.reasonCode (X12 886), adjudication.reason (X12 CARC/RARC, NCPDP reject codes), error.code (X12 901) and
processNote (the payer's words)."""
* insert RecourseProfile(recourse-denial)
* obeys recourse-denial-1
* extension contains ReceivedDateExtension named receivedDate 0..1 MS
* created MS
* created ^short = "Date of the denial notice"
* request MS
* request ^comment = "When the original request was not a PAS Claim Recourse holds, identify it by identifier or, when unknown, carry only the data-absent-reason extension PAS allows here."
* item MS
* item.adjudication.reason MS
* item.adjudication.reason from DenialReasonVS (preferred)
* item.adjudication.reason ^short = "Adjustment reason: X12 CARC (with RARC) or NCPDP reject code"
* adjudication.reason from DenialReasonVS (preferred)
* insurance MS
// PAS writes this target as Coverage|4.0.1, which HAPI's validator cannot resolve; same meaning, unversioned.
* insurance.coverage only Reference(Coverage)
* insurance.coverage MS
* insurance.coverage ^short = "The Coverage the denial was made under; triage reads the plan regime from it"
* processNote MS
* processNote ^short = "The payer's stated reason, in its own words"

Invariant: recourse-denial-1
Description: "A denial says no somewhere: a review action of A3 (not certified) or A6 (modified), an adjustment reason, or an error."
Severity: #error
Expression: "(item.adjudication | adjudication).extension('http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction').extension('http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode').value.coding.where(code = 'A3' or code = 'A6').exists() or (item.adjudication | adjudication).reason.exists() or error.exists()"

// --- RecourseCase ----------------------------------------------------------------------------------
Profile: RecourseCase
Parent: Task
Id: recourse-case
Title: "Recourse Case"
Description: """The work of getting past one denial. `focus` is the denial, `for` the patient, `businessStatus` the case stage,
`restriction.period.end` the next hard deadline (searchable as `deadline`). There is at most one open case per denial.
What the case produces (criteria map, letter, packet, payer response) is listed in `output`."""
* insert RecourseProfile(recourse-case)
* extension contains
    PlanRegimeExtension named planRegime 0..1 MS and
    DenialCategoryExtension named denialCategory 0..* MS and
    PathwayExtension named pathway 0..1 MS
* extension[pathway] ^short = "The pathway the case currently pursues"
* status MS
* intent = #order
* code 1..1 MS
* code = RecourseTaskType#recourse-case
* businessStatus 1..1 MS
* businessStatus from CaseStageVS (required)
* focus 1..1 MS
* focus only Reference(RecourseDenial)
* for 1..1 MS
* for only Reference($USCorePatient)
* authoredOn 1..1 MS
* lastModified MS
* owner MS
* restriction MS
* restriction.period MS
* restriction.period.end MS
* restriction.period.end ^short = "The next hard deadline of the case"
* insurance MS
* insurance ^short = "The plan of the denial: its Coverage, else the patient's active one when the case was opened"
* output MS
* output ^slicing.discriminator.type = #pattern
* output ^slicing.discriminator.path = "type"
* output ^slicing.rules = #open
* output ^slicing.description = "Case artifacts, by artifact type"
* output contains
    criteriaMap 0..1 MS and
    letter 0..* MS and
    packet 0..* MS and
    payerResponse 0..* MS
* output[criteriaMap].type = ArtifactType#criteria-map
* output[criteriaMap].value[x] only Reference(RecourseCriteriaMap)
* output[letter].type = ArtifactType#letter
* output[letter].value[x] only Reference(RecourseLetter)
* output[packet].type = ArtifactType#packet
* output[packet].value[x] only Reference(RecoursePacket)
* output[payerResponse].type = ArtifactType#payer-response
* output[payerResponse].value[x] only Reference(Bundle or ClaimResponse)

// --- Appeal and exception requests ----------------------------------------------------------------
// PAS 2.2.1 profile-claim sets Claim.related to 0..0, so the link to the denied request is carried by PAS's
// own item extension administrationReferenceNumber (X12 REF*NT, "the original disallowed review outcome")
// and by our original-request extension. See index.md, "Why not Claim.related".
RuleSet: RecourseRequestRules
* extension contains
    OriginalRequestExtension named originalRequest 0..1 MS and
    PathwayExtension named pathway 0..1 MS
* extension[originalRequest] ^short = "The denied request (by identifier when Recourse does not hold it)"
* item.extension[administrationReferenceNumber] MS
* item.extension[administrationReferenceNumber] ^short = "The payer's reference number of the denied review outcome"
* supportingInfo MS
* supportingInfo ^comment = "The criteria map, the letter and each evidence document go in PAS's AdditionalInformation slice (category PASTempCodes#additionalInformation, with documentInformation)."

Profile: RecourseAppealRequest
Parent: $PASClaim
Id: recourse-appeal-request
Title: "Recourse Appeal Request"
Description: """An appeal of a denied prior authorization, sent on PAS: a new PAS Claim whose items carry certificationType
1 (appeal, immediate) or 2 (appeal, standard) and the payer's reference number of the denied review outcome, and which
names the denied request in `original-request`. PAS has no appeal transaction; this is Recourse's convention."""
* insert RecourseProfile(recourse-appeal-request)
* insert RecourseRequestRules
* extension[originalRequest] 1..1
* item.extension[administrationReferenceNumber] 1..1
* item.extension[certificationType].valueCodeableConcept from AppealCertificationTypeVS (required)
* item.extension[certificationType] ^short = "1 appeal immediate (needs levelOfServiceCode on the item, PAS ImmediateLevelOfCare) or 2 appeal standard"

Profile: RecourseExceptionRequest
Parent: $PASClaim
Id: recourse-exception-request
Title: "Recourse Exception Request"
Description: """A request that the plan set aside a coverage rule (formulary, step therapy, tier, quantity limit, site of service,
network, criteria) for this patient, sent on PAS. The `exception-type` extension says which rule; `original-request`
names the denied request when there was one (a pharmacy reject often has none)."""
* insert RecourseProfile(recourse-exception-request)
* insert RecourseRequestRules
* extension contains ExceptionTypeExtension named exceptionType 1..1 MS

// --- RecourseCoveragePolicy ------------------------------------------------------------------------
Profile: RecourseCoveragePolicy
Parent: $DTRStdQuestionnaire
Id: recourse-coverage-policy
Title: "Recourse Coverage Policy"
Description: """A payer's coverage policy for a drug or service as a DTR Questionnaire: one item per criterion, carrying the
criterion's stable id and the policy's exact wording as `text`, populated from the chart by expressions (FHIRPath or CQL
through a Library). `policy-applicability` says whose policy it is and to what it applies."""
* insert RecourseProfile(recourse-coverage-policy)
* obeys recourse-policy-1
* extension contains PolicyApplicabilityExtension named applicability 1..1 MS
* version 1..1 MS
* title 1..1 MS
* effectivePeriod MS
* item 1..* MS
* item.extension contains CriterionIdExtension named criterionId 0..1 MS
* item.text 1..1 MS
* item.text ^short = "The policy's exact wording of the criterion"

Invariant: recourse-policy-1
Description: "Criterion ids are unique within the policy."
Severity: #error
Expression: "repeat(item).extension('http://recourse.dev/fhir/StructureDefinition/criterion-id').value.isDistinct()"

// --- RecourseCriteriaMap ---------------------------------------------------------------------------
Profile: RecourseCriteriaMap
Parent: $DTRQuestionnaireResponse
Id: recourse-criteria-map
Title: "Recourse Criteria Map"
Description: """The coverage policy's criteria mapped to the patient's chart: a DTR QuestionnaireResponse whose answers carry
DTR's `information-origin` (auto, override, manual), whether the criterion is met, and the evidence that proves it.
DTR's context extensions point to the Coverage and the order (e.g. MedicationRequest)."""
* insert RecourseProfile(recourse-criteria-map)
* questionnaire only Canonical(RecourseCoveragePolicy)
* item.extension contains
    CriterionIdExtension named criterionId 0..1 MS and
    CriterionStatusExtension named itemCriterionStatus 0..1 MS and
    CriterionGapExtension named gap 0..1 MS
* item.extension[itemCriterionStatus] ^short = "Only when the criterion has no answer; then unknown"
* item.answer.extension contains
    CriterionStatusExtension named criterionStatus 1..1 MS and
    EvidenceExtension named evidence 0..* MS and
    OverrideReasonExtension named overrideReason 0..1 MS
* item.answer.extension[overrideReason] ^short = "A specialist's answer: why (kept on re-evaluation with the answer)"
* extension contains OffLabelReviewExtension named offLabelReview 0..1 MS

// --- RecourseEvidence ------------------------------------------------------------------------------
Profile: RecourseEvidence
Parent: $PASDocumentReference
Id: recourse-evidence
Title: "Recourse Evidence"
Description: """A document offered as evidence in a packet (chart note, lab, imaging, FDA label, guideline, compendium listing,
literature, allergy record, financial hardship proof), with its content inline as PAS requires. `context.related` points
to the chart resources it was drawn from."""
* insert RecourseProfile(recourse-evidence)
* category contains
    recourseArtifact 1..1 MS and
    evidenceType 1..1 MS
* category[recourseArtifact] = ArtifactType#evidence
* category[evidenceType] from EvidenceTypeVS (required)
* category[evidenceType] ^short = "The kind of evidence"
* extension contains CompendiumRatingExtension named compendiumRating 0..1 MS
* extension[compendiumRating] ^short = "For a compendium listing: the rating it gives the use"
* date MS
* context.related MS
* context.related ^short = "The chart resources the evidence was drawn from"

// --- RecourseLetter --------------------------------------------------------------------------------
Profile: RecourseLetter
Parent: $PASDocumentReference
Id: recourse-letter
Title: "Recourse Letter"
Description: """The appeal or exception letter, as HTML (editable draft) and PDF (what is sent). `authenticator` is set when the
prescriber signs off; a signed letter is final and has its PDF. `context.related` points to the denial it answers."""
* insert RecourseProfile(recourse-letter)
* obeys recourse-letter-1
* extension contains PathwayExtension named pathway 0..1 MS and LetterSectionExtension named section 0..* MS
* category contains recourseArtifact 1..1 MS
* category[recourseArtifact] = ArtifactType#letter
* docStatus MS
* author 1..* MS
* authenticator MS
* authenticator ^short = "The prescriber who signed the letter off"
* date 1..1 MS
* content ^slicing.discriminator.type = #value
* content ^slicing.discriminator.path = "attachment.contentType"
* content ^slicing.rules = #open
* content contains
    html 0..1 MS and
    pdf 0..1 MS
* content[html].attachment.contentType = #text/html
* content[pdf].attachment.contentType = #application/pdf
* context.related MS
* context.related ^short = "The denial the letter answers"

Invariant: recourse-letter-1
Description: "A signed letter (authenticator present) is final and has a PDF."
Severity: #error
Expression: "authenticator.exists() implies (docStatus = 'final' and content.where(attachment.contentType = 'application/pdf').exists())"

// --- RecoursePacket --------------------------------------------------------------------------------
Profile: RecoursePacket
Parent: $PASRequestBundle
Id: recourse-packet
Title: "Recourse Packet"
Description: """An appeal or exception packet: a PAS request Bundle (collection) whose first entry is the RecourseAppealRequest
or RecourseExceptionRequest, followed by every resource it references, directly or through them (patient, coverage,
payer, provider, order, criteria map, letter, evidence, the denial). `identifier` is the idempotency key of the
submission: resubmitting a packet with the same identifier never files twice."""
* insert RecourseProfile(recourse-packet)
* identifier 1..1 MS
* identifier ^short = "Idempotency key of the submission"
* entry[Claim] 1..1
* entry[Claim].resource only RecourseAppealRequest or RecourseExceptionRequest

// --- Peer-to-peer ----------------------------------------------------------------------------------
// DESIGN.md §3: calls and peer-to-peer are CommunicationRequest / Communication tied to the case Task. The request and
// the appointment are plain REST writes claiming these profiles; Task/[id]/$record-peer-to-peer records the outcome.
Profile: RecoursePeerToPeerRequest
Parent: CommunicationRequest
Id: recourse-peer-to-peer-request
Title: "Recourse Peer-to-Peer Request"
Description: """The request for a peer-to-peer discussion with the payer's reviewing physician about a case's denial.
`basedOn` is the case Task, `about` the denial, `requester` the prescriber, `recipient` the payer (or its reviewer);
status active until $record-peer-to-peer completes it."""
* insert RecourseProfile(recourse-peer-to-peer-request)
* status MS
* category 1..1 MS
* category = Pathway#peer-to-peer
* basedOn 1..1 MS
* basedOn only Reference(RecourseCase)
* subject 1..1 MS
* subject only Reference(Patient)
* about MS
* requester MS
* recipient MS
* payload MS
* authoredOn 1..1 MS

Profile: RecoursePeerToPeerAppointment
Parent: Appointment
Id: recourse-peer-to-peer-appointment
Title: "Recourse Peer-to-Peer Appointment"
Description: """When the peer-to-peer discussion is scheduled and who takes part: the prescriber, the payer's reviewer, the
specialist, and the patient (information only). `supportingInformation` names the peer-to-peer request and the case."""
* insert RecourseProfile(recourse-peer-to-peer-appointment)
* status MS
* serviceCategory 1..1 MS
* serviceCategory = Pathway#peer-to-peer
* start 1..1 MS
* end MS
* supportingInformation 1..* MS
* supportingInformation only Reference(RecoursePeerToPeerRequest or RecourseCase)
* participant MS
* participant.actor 1..1 MS
* participant.type MS

Profile: RecoursePeerToPeerOutcome
Parent: Communication
Id: recourse-peer-to-peer-outcome
Title: "Recourse Peer-to-Peer Outcome"
Description: """What happened in a peer-to-peer discussion: `partOf` the case, `basedOn` its request, the outcome in the
peer-to-peer-outcome extension, notes as payload. Written by Task/[id]/$record-peer-to-peer."""
* insert RecourseProfile(recourse-peer-to-peer-outcome)
* extension contains PeerToPeerOutcomeExtension named outcome 1..1 MS
* status = #completed
* category 1..1 MS
* category = Pathway#peer-to-peer
* partOf 1..1 MS
* partOf only Reference(RecourseCase)
* basedOn 1..1 MS
* basedOn only Reference(RecoursePeerToPeerRequest)
* subject 1..1 MS
* sent 1..1 MS
* payload MS

// --- RecourseAssistanceChecklist ---------------------------------------------------------------------
Profile: RecourseAssistanceChecklist
Parent: Task
Id: recourse-assistance-checklist
Title: "Recourse Assistance Checklist"
Description: """The application to one patient assistance programme for the case's drug, as a checklist: `partOf` the case,
one `input` per item (type from assistance-document, with the item's wording as text; valueBoolean true once done).
Made by Task/[id]/$assistance-checklist, ticked by Task/[id]/$check-item."""
* insert RecourseProfile(recourse-assistance-checklist)
* extension contains AssistanceProgramExtension named program 1..1 MS
* intent = #plan
* code 1..1 MS
* code = RecourseTaskType#assistance-checklist
* partOf 1..1 MS
* partOf only Reference(RecourseCase)
* for 1..1 MS
* input 1..* MS
* input.type from AssistanceDocumentVS (required)
* input.value[x] only boolean

// --- RecourseFilingPacket --------------------------------------------------------------------------
Profile: RecourseFilingPacket
Parent: Bundle
Id: recourse-filing-packet
Title: "Recourse Filing Packet"
Description: """A filing past the plan — external review / IRO request, Part D IRE reconsideration request, Medicaid fair
hearing request — as a FHIR document: a Composition (type artifact-type#filing-packet) whose sections list the signed
filing letter (RecourseLetter), the plan's decisions it answers, the criteria map, the case's other letters and the
evidence, followed by every resource they reference. Not a PAS request: an IRO, the IRE or a hearing office takes none."""
* insert RecourseProfile(recourse-filing-packet)
* obeys recourse-filing-packet-1
* type = #document (exactly)
* identifier 1..1 MS
* timestamp 1..1 MS
* entry 2..* MS

Invariant: recourse-filing-packet-1
Description: "The first entry is a filing-packet Composition whose first section lists a signed letter."
Severity: #error
Expression: "entry.first().resource.is(Composition) and entry.first().resource.type.coding.where(system = 'http://recourse.dev/fhir/CodeSystem/artifact-type' and code = 'filing-packet').exists() and entry.first().resource.section.first().entry.exists()"
