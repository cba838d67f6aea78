// Recourse extensions, all at http://recourse.dev/fhir/StructureDefinition/<id>.

RuleSet: RecourseExtension(id)
* ^url = "http://recourse.dev/fhir/StructureDefinition/{id}"
* ^status = #active
* ^experimental = false
* ^publisher = "Recourse"

// --- plan-regime -----------------------------------------------------------------------------------
Extension: PlanRegimeExtension
Id: plan-regime
Title: "Plan regime"
Description: "The law that governs the plan's appeals and exceptions, when Coverage.type does not say it precisely (DESIGN.md §3). On a case Task it records the regime triage settled on."
* insert RecourseExtension(plan-regime)
* ^context[0].type = #element
* ^context[0].expression = "Coverage"
* ^context[1].type = #element
* ^context[1].expression = "Task"
* value[x] only CodeableConcept
* valueCodeableConcept from PlanRegimeVS (required)

// --- received-date ---------------------------------------------------------------------------------
Extension: ReceivedDateExtension
Id: received-date
Title: "Received date"
Description: "The date the provider or patient received the denial notice. Appeal windows of several programmes run from receipt, not from ClaimResponse.created (the notice date)."
* insert RecourseExtension(received-date)
* ^context[0].type = #element
* ^context[0].expression = "ClaimResponse"
* ^context[1].type = #element
* ^context[1].expression = "DocumentReference"
* value[x] only date

// --- denial-category -------------------------------------------------------------------------------
Extension: DenialCategoryExtension
Id: denial-category
Title: "Denial category"
Description: "A category triage assigned to the denial, most likely first. Recorded on the case so the worklist can filter by it."
* insert RecourseExtension(denial-category)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* ^context[1].type = #element
* ^context[1].expression = "ClaimResponse"
* value[x] only CodeableConcept
* valueCodeableConcept from DenialCategoryVS (required)

// --- pathway ---------------------------------------------------------------------------------------
Extension: PathwayExtension
Id: pathway
Title: "Pathway"
Description: "The pathway a case pursues, a letter argues, or a request is filed under."
* insert RecourseExtension(pathway)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* ^context[1].type = #element
* ^context[1].expression = "Claim"
* ^context[2].type = #element
* ^context[2].expression = "DocumentReference"
* value[x] only CodeableConcept
* valueCodeableConcept from PathwayVS (required)

// --- exception-type --------------------------------------------------------------------------------
Extension: ExceptionTypeExtension
Id: exception-type
Title: "Exception type"
Description: "What an exception request asks the plan to set aside. Its presence marks a PAS Claim as an exception request."
* insert RecourseExtension(exception-type)
* ^context[0].type = #element
* ^context[0].expression = "Claim"
* value[x] only CodeableConcept
* valueCodeableConcept from ExceptionTypeVS (required)

// --- criterion-id ----------------------------------------------------------------------------------
Extension: CriterionIdExtension
Id: criterion-id
Title: "Criterion id"
Description: "The stable identifier of a coverage policy criterion, unique within the policy and kept across its versions, so that a denial, a criteria map and an appeal can name the exact criterion."
* insert RecourseExtension(criterion-id)
* ^context[0].type = #element
* ^context[0].expression = "Questionnaire.item"
* ^context[1].type = #element
* ^context[1].expression = "QuestionnaireResponse.item"
* value[x] only string

// --- criterion-status ------------------------------------------------------------------------------
Extension: CriterionStatusExtension
Id: criterion-status
Title: "Criterion status"
Description: "Whether the chart shows the criterion met. Carried on each answer; on the item itself when the criterion has no answer (then always unknown)."
* insert RecourseExtension(criterion-status)
* ^context[0].type = #element
* ^context[0].expression = "QuestionnaireResponse.item.answer"
* ^context[1].type = #element
* ^context[1].expression = "QuestionnaireResponse.item"
* value[x] only CodeableConcept
* valueCodeableConcept from CriterionStatusVS (required)

// --- evidence --------------------------------------------------------------------------------------
Extension: EvidenceExtension
Id: evidence
Title: "Evidence"
Description: "A resource that proves the answer: a RecourseEvidence DocumentReference, or the chart resource itself (Condition, Observation, MedicationStatement, …)."
* insert RecourseExtension(evidence)
* ^context[0].type = #element
* ^context[0].expression = "QuestionnaireResponse.item.answer"
* ^context[1].type = #element
* ^context[1].expression = "QuestionnaireResponse.item"
* value[x] only Reference(Resource)

// --- override-reason -------------------------------------------------------------------------------
Extension: OverrideReasonExtension
Id: override-reason
Title: "Override reason"
Description: "Why a specialist answered a criterion themselves (DTR information-origin override or manual) instead of the answer the chart gave: the clinical reasoning a reviewer reads beside the answer."
* insert RecourseExtension(override-reason)
* ^context[0].type = #element
* ^context[0].expression = "QuestionnaireResponse.item.answer"
* value[x] only string

// --- policy-applicability --------------------------------------------------------------------------
Extension: PolicyApplicabilityExtension
Id: policy-applicability
Title: "Policy applicability"
Description: "Which payer's coverage policy a Questionnaire encodes and to what it applies: the drugs or services, the diagnoses, and the policy's own identity (id, version, effective date, source). Recourse picks a policy for $map-criteria by payer + drug or service + diagnosis."
* insert RecourseExtension(policy-applicability)
* ^context[0].type = #element
* ^context[0].expression = "Questionnaire"
* extension contains
    payer 1..* MS and
    productOrService 1..* MS and
    diagnosis 0..* MS and
    policyId 1..1 MS and
    policyVersion 0..1 MS and
    effectiveDate 1..1 MS and
    source 1..1 MS
* extension[payer] ^short = "The payer whose policy this is"
* extension[payer].value[x] only Reference(Organization)
* extension[productOrService] ^short = "Drug or service the policy covers (RxNorm, NDC, HCPCS, CPT)"
* extension[productOrService].value[x] only CodeableConcept
* extension[diagnosis] ^short = "Diagnosis the policy applies to (ICD-10-CM); absent = any"
* extension[diagnosis].value[x] only CodeableConcept
* extension[policyId] ^short = "The payer's identifier of the policy (e.g. its clinical policy bulletin number)"
* extension[policyId].value[x] only string
* extension[policyVersion] ^short = "The payer's version or revision label"
* extension[policyVersion].value[x] only string
* extension[effectiveDate] ^short = "Date the payer's policy took effect"
* extension[effectiveDate].value[x] only date
* extension[source] ^short = "Where the payer publishes the policy"
* extension[source].value[x] only uri

// --- criterion-evidence --------------------------------------------------------------------------
Extension: CriterionEvidenceExtension
Id: criterion-evidence
Title: "Criterion evidence expression"
Description: "On a coverage-policy item: a FHIRPath expression, evaluated with the same variables as the item's initialExpression, that yields the chart resources proving the criterion (the Condition with the diagnosis, the therapy-episode MedicationStatements, the Observation with the value). Empty when nothing proves it. The item's initialExpression gives the answer (true, false, or empty = unknown)."
* insert RecourseExtension(criterion-evidence)
* ^context[0].type = #element
* ^context[0].expression = "Questionnaire.item"
* value[x] only Expression

// --- criterion-gap ---------------------------------------------------------------------------------
Extension: CriterionGapExtension
Id: criterion-gap
Title: "Criterion gap"
Description: "On a coverage-policy item: the document that would close the criterion when the chart lacks the evidence (e.g. 'neurologist note confirming the relapsing course', 'LDL-C result within the last 90 days on maximally tolerated statin'). On a criteria-map item whose criterion is not met or unknown: the gap to close, copied from the policy."
* insert RecourseExtension(criterion-gap)
* ^context[0].type = #element
* ^context[0].expression = "Questionnaire.item"
* ^context[1].type = #element
* ^context[1].expression = "QuestionnaireResponse.item"
* value[x] only string

// --- backend-services ----------------------------------------------------------------------------
Extension: BackendServicesExtension
Id: backend-services
Title: "SMART Backend Services registration"
Description: "How Recourse authenticates at the EHR an Endpoint stands for, with SMART Backend Services: the client id the EHR registered it under, the scopes it asks for, the alias of its signing key in the server's configured keystore (the key itself never leaves the server), and the token endpoint when it is not to be discovered from the EHR's .well-known/smart-configuration. An Endpoint without it is called without a token."
* insert RecourseExtension(backend-services)
* ^context[0].type = #element
* ^context[0].expression = "Endpoint"
* extension contains
    clientId 1..1 MS and
    scope 1..1 MS and
    keyAlias 1..1 MS and
    tokenEndpoint 0..1 MS
* extension[clientId] ^short = "Client id at the EHR (iss and sub of the client assertion)"
* extension[clientId].value[x] only string
* extension[scope] ^short = "Scopes asked for, space-separated (e.g. system/Condition.rs system/Observation.rs)"
* extension[scope].value[x] only string
* extension[keyAlias] ^short = "Alias of the signing key (RS384 or ES384) in recourse.ehr.keystore"
* extension[keyAlias].value[x] only string
* extension[tokenEndpoint] ^short = "Token endpoint; absent: discovered from {address}/.well-known/smart-configuration"
* extension[tokenEndpoint].value[x] only url

// --- original-request ------------------------------------------------------------------------------
// PAS 2.2.1 profile-claim prohibits Claim.related (0..0); this extension carries what DESIGN.md puts in
// Claim.related.claim without breaking PAS conformance.
Extension: OriginalRequestExtension
Id: original-request
Title: "Original request"
Description: "The denied request an appeal or exception request answers (usually by identifier: the payer holds the original). Stands in for Claim.related.claim, which PAS 2.2.1 profile-claim prohibits; PAS receivers find the same link in item.extension:administrationReferenceNumber."
* insert RecourseExtension(original-request)
* ^context[0].type = #element
* ^context[0].expression = "Claim"
* value[x] only Reference(Claim)

// --- R5 Claim.encounter, declared here --------------------------------------------------------------
// PAS 2.2.1 profile-claim slices Claim.extension with the cross-version extension below, which comes from
// hl7.fhir.uv.xver-r5.r4, a package not obtainable here. Without its definition a validator cannot evaluate
// PAS Claim's extension slicing at all, so we declare it, with R5's meaning, at R5's own URL.
Extension: R5ClaimEncounter
Id: extension-Claim.encounter
Title: "R5 Claim.encounter (cross-version)"
Description: "R5 Claim.encounter for use in R4: encounters associated with the listed treatments. Declared by Recourse because the official cross-version package hl7.fhir.uv.xver-r5.r4 is not available to it."
* ^url = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Claim.encounter"
* ^status = #active
* ^experimental = false
* ^publisher = "Recourse (stand-in for HL7's cross-version extension)"
* ^context[0].type = #element
* ^context[0].expression = "Claim"
* value[x] only Reference(Encounter)

// --- audit-patient-context -------------------------------------------------------------------------
Extension: AuditPatientContextExtension
Id: audit-patient-context
Title: "Audit patient context"
Description: "On the requesting agent of an AuditEvent: the patient the caller's access token was confined to (the SMART launch patient), whatever resources the request touched. An access outside that patient's compartment is then visible in the audit trail itself."
* insert RecourseExtension(audit-patient-context)
* ^context[0].type = #element
* ^context[0].expression = "AuditEvent.agent"
* value[x] only Reference(Patient)

// --- off-label-review ----------------------------------------------------------------------------
Extension: OffLabelReviewExtension
Id: off-label-review
Title: "Off-label review"
Description: """On a criteria map: the requested drug's FDA-labelled indications compared with the patient's documented
diagnosis and age, and — when the use is not labelled — whether a recognized compendium supports it (a "medically
accepted indication": SSA §1861(t)(2)(B), §1927(k)(6); Medicare Benefit Policy Manual ch. 15 §50.4.5). `labelStatus`
met = the documented use is labelled, not-met = it is off-label, unknown = the chart cannot tell. `compendiaStatus`
met = a compendium listing with a supportive rating, from a compendium the plan's regime accepts, is on file."""
* insert RecourseExtension(off-label-review)
* ^context[0].type = #element
* ^context[0].expression = "QuestionnaireResponse"
* extension contains
    drug 1..1 MS and
    labelStatus 1..1 MS and
    labelSource 1..1 MS and
    labelledIndication 0..* MS and
    finding 1..* MS and
    evidence 0..* MS and
    compendiaStatus 0..1 MS and
    compendiaEvidence 0..* MS and
    gap 0..* MS
* extension[drug].value[x] only CodeableConcept
* extension[drug] ^short = "The requested drug (RxNorm ingredient)"
* extension[labelStatus].value[x] only CodeableConcept
* extension[labelStatus].valueCodeableConcept from CriterionStatusVS (required)
* extension[labelSource].value[x] only uri
* extension[labelSource] ^short = "Where the label was read (DailyMed / Drugs@FDA)"
* extension[labelledIndication].value[x] only string
* extension[finding].value[x] only string
* extension[finding] ^short = "What the comparison found, in plain words, from chart facts only"
* extension[evidence].value[x] only Reference(Condition or Patient or DocumentReference)
* extension[compendiaStatus].value[x] only CodeableConcept
* extension[compendiaStatus].valueCodeableConcept from CriterionStatusVS (required)
* extension[compendiaEvidence].value[x] only Reference(DocumentReference)
* extension[gap].value[x] only string

// --- letter-section ------------------------------------------------------------------------------
Extension: LetterSectionExtension
Id: letter-section
Title: "Letter section"
Description: """On a letter: free text the specialist wrote for one section of it (opening, argument, closing). Kept on the stored
letter so that the next draft carries it over when it is not given again: nothing typed is lost to a re-draft."""
* insert RecourseExtension(letter-section)
* ^context[0].type = #element
* ^context[0].expression = "DocumentReference"
* extension contains
    name 1..1 MS and
    text 1..1 MS
* extension[name].value[x] only code
* extension[name] ^short = "opening | argument | closing"
* extension[text].value[x] only string
* extension[text] ^short = "The specialist's text, as written"

// --- compendium-rating ---------------------------------------------------------------------------
Extension: CompendiumRatingExtension
Id: compendium-rating
Title: "Compendium rating"
Description: "On a compendium-listing evidence document: the rating the compendium gives the drug for the patient's indication (NCCN category, DrugDex class, AHFS/Clinical Pharmacology narrative, Lexi-Drugs evidence level, USP-DI acceptance)."
* insert RecourseExtension(compendium-rating)
* ^context[0].type = #element
* ^context[0].expression = "DocumentReference"
* value[x] only Coding
* valueCoding from CompendiumRatingVS (required)

// --- submission outbox ------------------------------------------------------------------------------
// The state of a submission Task (task-type#submission) that Task.status does not hold.
Extension: SubmissionAttemptsExtension
Id: submission-attempts
Title: "Submission attempts"
Description: "How many times the submission was claimed for an attempt at delivery to the payer."
* insert RecourseExtension(submission-attempts)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only integer

Extension: SubmissionNextAttemptExtension
Id: submission-next-attempt
Title: "Submission next attempt"
Description: "When a waiting submission is due to be attempted again (the outbox's backoff)."
* insert RecourseExtension(submission-next-attempt)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only dateTime

Extension: SubmissionLeaseUntilExtension
Id: submission-lease-until
Title: "Submission lease"
Description: "Until when the sender that claimed the submission has it; after that another sender may take it over."
* insert RecourseExtension(submission-lease-until)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only dateTime

Extension: SubmissionOutcomeUnknownExtension
Id: submission-outcome-unknown
Title: "Submission outcome unknown"
Description: "An earlier attempt may have reached the payer (connection lost after sending, timeout, 5xx, a sender that stopped midway): the payer is asked with Claim/$inquire before the packet is sent again."
* insert RecourseExtension(submission-outcome-unknown)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only boolean

// --- decision-criterion ----------------------------------------------------------------------------
// PAS carries a denial's why as an X12 886 code and free text; nothing names the coverage-policy criterion
// (STANDARDS.md §6.2). A payer's $decide records it here, beside the item's reviewAction.
Extension: DecisionCriterionExtension
Id: decision-criterion
Title: "Decision criterion"
Description: "On a payer's decided item: a coverage-policy criterion that drove the denial (or modification) — the policy as url|version and the criterion's stable id within it (the policy item's criterion-id), with the policy's wording. One extension per criterion."
* insert RecourseExtension(decision-criterion)
* ^context[0].type = #element
* ^context[0].expression = "ClaimResponse.item.adjudication"
* extension contains
    policy 1..1 MS and
    criterionId 1..1 MS and
    text 0..1 MS
* extension[policy].value[x] only canonical
* extension[policy] ^short = "The coverage policy Questionnaire, url|version"
* extension[criterionId].value[x] only string
* extension[criterionId] ^short = "The criterion's id within the policy (criterion-id of the policy item)"
* extension[text].value[x] only string
* extension[text] ^short = "The policy's wording of the criterion"

// --- payer subscriptions ----------------------------------------------------------------------------
// On a payer-subscription Task (task-type#payer-subscription); attempts, next attempt and lease as for submissions.
Extension: PayerSubscriptionSecretExtension
Id: payer-subscription-secret
Title: "Payer subscription secret digest"
Description: "The SHA-256 digest (sha256:<hex>) of the bearer secret the payer sends with each notification of our Subscription there. The secret itself is kept nowhere: the digest is enough to check it and useless to forge one."
* insert RecourseExtension(payer-subscription-secret)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only string
// --- notification outbox (payer side) -------------------------------------------------------------
// The state of a notification Task (task-type#notification) that Task.status does not hold.
Extension: NotificationAttemptsExtension
Id: notification-attempts
Title: "Notification attempts"
Description: "How many times the notification was claimed for an attempt at delivery to the Subscription's endpoint."
* insert RecourseExtension(notification-attempts)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only integer

Extension: NotificationNextAttemptExtension
Id: notification-next-attempt
Title: "Notification next attempt"
Description: "When a waiting notification is due to be attempted again (the outbox's backoff)."
* insert RecourseExtension(notification-next-attempt)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only dateTime

Extension: NotificationLeaseUntilExtension
Id: notification-lease-until
Title: "Notification lease"
Description: "Until when the sender that claimed the notification has it; after that another sender may take it over."
* insert RecourseExtension(notification-lease-until)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only dateTime

Extension: PeerToPeerOutcomeExtension
Id: peer-to-peer-outcome
Title: "Peer-to-peer outcome"
Description: "How a peer-to-peer discussion ended, on the Communication that records it."
* insert RecourseExtension(peer-to-peer-outcome)
* ^context[0].type = #element
* ^context[0].expression = "Communication"
* value[x] only Coding
* valueCoding from PeerToPeerOutcomeVS (required)

Extension: AssistanceProgramExtension
Id: assistance-program
Title: "Assistance programme"
Description: "The patient assistance programme (its id in rules/assistance-programs.yaml) a checklist Task is the application to."
* insert RecourseExtension(assistance-program)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only string

// --- filings past the plan: decision clocks, deemed exhaustion, the plan's state ---------------------
Extension: SubmissionDecisionDueExtension
Id: submission-decision-due
Title: "Submission decision due"
Description: "When the payer's decision on a pended submission is due: the pathway's decision clock (rules/clocks.yaml; expedited when the request's certificationType is 1) counted from the payer's receipt of the request. Hour clocks in elapsed time; day clocks end at 23:59:59 UTC of their last day."
* insert RecourseExtension(submission-decision-due)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only dateTime

Extension: SubmissionDecisionClockExtension
Id: submission-decision-clock
Title: "Submission decision clock"
Description: "The rule behind submission-decision-due: the clock's id and its citation, as rules/clocks.yaml gives them."
* insert RecourseExtension(submission-decision-clock)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* value[x] only string

Extension: MissedDecisionClockExtension
Id: missed-decision-clock
Title: "Missed decision clock"
Description: "On a case: a payer's decision clock that ran out with no decision — which request, when the payer received it, when the decision was due, the rule that sets the clock, and what the miss means for the case (rules/missed-decision-clocks.yaml). Recorded once per submission."
* insert RecourseExtension(missed-decision-clock)
* ^context[0].type = #element
* ^context[0].expression = "Task"
* extension contains
    submission 1..1 and
    pathway 0..1 and
    received 1..1 and
    due 1..1 and
    regulation 1..1 and
    consequence 0..1 and
    consequenceCitation 0..1
* extension[submission].value[x] only Reference(Task)
* extension[pathway].value[x] only code
* extension[received].value[x] only dateTime
* extension[due].value[x] only dateTime
* extension[regulation].value[x] only string
* extension[consequence].value[x] only string
* extension[consequenceCitation].value[x] only string

Extension: DecisionLevelExtension
Id: decision-level
Title: "Decision level"
Description: "Which decision a ClaimResponse is: initial, internal-appeal (an upheld first appeal) or final-internal (the plan's last word: a final internal adverse benefit determination). Marks the denial on file that opens external review, the IRE or the fair hearing."
* insert RecourseExtension(decision-level)
* ^context[0].type = #element
* ^context[0].expression = "ClaimResponse"
* value[x] only code
* valueCode from DecisionLevelVS (required)

Extension: PlanStateExtension
Id: plan-state
Title: "Plan state"
Description: "The U.S. state (USPS code) whose law governs the plan: the state an insured policy was issued in. Chooses the state's external review process, insurance department and Medicaid fair hearing office for filings; without it the patient's home address is used."
* insert RecourseExtension(plan-state)
* ^context[0].type = #element
* ^context[0].expression = "Coverage"
* value[x] only code
