// Recourse's own code systems. DESIGN.md §3: these codes are a contract; add codes, never rename them.
// Every code system is complete and case-sensitive; each concept carries a display and a definition.

RuleSet: RecourseCodeSystem(id, title)
* ^url = "http://recourse.dev/fhir/CodeSystem/{id}"
* ^name = "{title}"
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete
* ^publisher = "Recourse"

// --- denial-category -------------------------------------------------------------------------------
CodeSystem: DenialCategory
Id: denial-category
Title: "Denial category"
Description: "Why a payer said no, in the terms that decide which roads lead past the denial."
* insert RecourseCodeSystem(denial-category, DenialCategory)
* #medical-necessity "Medical necessity" "The payer judged the service not medically necessary for this patient under its criteria."
* #experimental-investigational "Experimental or investigational" "The payer classes the service as experimental, investigational or unproven."
* #off-label "Off-label use" "The drug is used for an indication, dose or population outside its FDA labelling."
* #step-therapy "Step therapy" "The plan requires the patient to try and fail one or more preferred therapies first."
* #non-formulary "Non-formulary" "The drug is not on the plan's formulary."
* #quantity-limit "Quantity limit" "The requested quantity, dose or frequency exceeds the plan's limit."
* #prior-auth-missing "Prior authorization missing" "The service needed prior authorization and none was obtained or on file."
* #out-of-network "Out of network" "The provider or facility is outside the plan's network."
* #benefit-exclusion "Benefit exclusion" "The plan's contract excludes the service from coverage."
* #coding-or-information "Coding or information" "The request was incomplete, miscoded or lacked required information."
* #eligibility "Eligibility" "The patient was not covered by the plan on the date of service."
* #timely-filing "Timely filing" "The request or claim was filed after the plan's filing limit."
* #site-of-service "Site of service" "The service is covered only in a different setting (e.g. home or office instead of hospital outpatient)."
* #cost-sharing "Cost sharing" "The service is covered but the dispute is about the patient's share of cost (tier, copay, coinsurance)."
* #duplicate "Duplicate" "The payer treated the request or claim as a duplicate of one already processed."
* #coordination-of-benefits "Coordination of benefits" "Another payer is primary or coordination-of-benefits information is missing."

// --- pathway ---------------------------------------------------------------------------------------
CodeSystem: Pathway
Id: pathway
Title: "Recourse pathway"
Description: "The roads past a denial: exceptions, appeals and reviews, and the ways around when none is open."
* insert RecourseCodeSystem(pathway, Pathway)
* #correct-and-resubmit "Correct and resubmit" "Fix the coding or missing information and submit the request again."
* #retro-authorization "Retro-authorization" "Ask the plan to authorize a service already delivered without authorization."
* #formulary-exception "Formulary exception" "Ask the plan to cover a drug that is not on its formulary."
* #step-therapy-exception "Step therapy exception" "Ask the plan to waive its requirement to try preferred therapies first."
* #tiering-exception "Tiering exception" "Ask the plan to cover a drug at the cost share of a lower (preferred) tier."
* #quantity-limit-exception "Quantity limit exception" "Ask the plan to cover a quantity, dose or frequency above its limit."
* #site-of-service-exception "Site of service exception" "Ask the plan to cover the service in the setting the prescriber chose."
* #network-gap-exception "Network gap exception" "Ask the plan to cover an out-of-network provider at in-network cost because no adequate in-network provider exists."
* #peer-to-peer "Peer-to-peer review" "The treating clinician discusses the denial with the plan's medical reviewer."
* #internal-appeal "Internal appeal" "The plan's first appeal level, whatever the programme calls it (appeal, reconsideration, redetermination)."
* #expedited-internal-appeal "Expedited internal appeal" "The plan's first appeal level on the urgent clock."
* #external-review "External review" "Review by an independent review organization under ACA or state law."
* #expedited-external-review "Expedited external review" "External review on the urgent clock."
* #ire-reconsideration "IRE reconsideration" "Reconsideration by the Medicare independent review entity."
* #state-fair-hearing "State fair hearing" "A Medicaid beneficiary's hearing before the state after the managed care plan's appeal."
* #regulator-complaint "Regulator complaint" "A complaint to the regulator of the plan (state insurance department, DOL, CMS, OPM)."
* #patient-assistance-program "Patient assistance programme" "A manufacturer's or foundation's programme that supplies or pays for the drug."
* #alternative-therapy "Alternative therapy" "Switch to a covered alternative the prescriber finds acceptable."

// --- plan-regime -----------------------------------------------------------------------------------
CodeSystem: PlanRegime
Id: plan-regime
Title: "Plan regime"
Description: "The body of law and regulation that governs a plan's appeals and exceptions."
* insert RecourseCodeSystem(plan-regime, PlanRegime)
* #erisa-self-funded "ERISA self-funded" "Employer group health plan funded by the employer, governed by ERISA and the ACA; state insurance law does not apply."
* #erisa-insured "ERISA insured" "Employer group health plan, fully insured: ERISA and the ACA plus state insurance law."
* #aca-individual "ACA individual" "Individual market coverage, on or off the exchange, under the ACA and state law."
* #governmental-nonfederal "Governmental non-federal" "Plan of a state or local government employer; not ERISA, governed by PHSA and state rules."
* #fehb "FEHB" "Federal Employees Health Benefits plan, disputes decided by OPM."
* #medicare-advantage "Medicare Advantage" "Medicare Part C plan under 42 CFR 422."
* #medicare-part-d "Medicare Part D" "Medicare prescription drug plan under 42 CFR 423."
* #original-medicare "Original Medicare" "Medicare fee-for-service Parts A and B, claims decided by MACs."
* #medicaid-managed-care "Medicaid managed care" "Medicaid or CHIP managed care plan under 42 CFR 438."
* #medicaid-ffs "Medicaid fee-for-service" "Medicaid fee-for-service programme run by the state."
* #unknown "Unknown" "The regime could not be determined from the coverage; answers cover the plausible regimes."

// --- case-stage ------------------------------------------------------------------------------------
CodeSystem: CaseStage
Id: case-stage
Title: "Case stage"
Description: "Where a Recourse case stands; carried in the case Task's businessStatus."
* insert RecourseCodeSystem(case-stage, CaseStage)
* #new "New" "The denial was received and the case opened; nothing has been decided yet."
* #triaged "Triaged" "Denial category, plan regime, pathways and deadlines are computed."
* #gathering-evidence "Gathering evidence" "Chart history is being pulled and criteria mapped to evidence."
* #drafting "Drafting" "The letter and packet are being written."
* #awaiting-signature "Awaiting signature" "The letter waits for the prescriber's sign-off."
* #ready-to-submit "Ready to submit" "The packet is assembled and valid; it can be submitted."
* #submitted "Submitted" "The packet was submitted to the payer; no acknowledgement yet."
* #under-review "Under review" "The payer acknowledged the request or pended it for review."
* #peer-to-peer-scheduled "Peer-to-peer scheduled" "A peer-to-peer discussion with the payer's reviewer is scheduled."
* #more-information-requested "More information requested" "The payer asked for more information before deciding."
* #approved "Approved" "The payer overturned the denial or granted the exception in full."
* #partially-approved "Partially approved" "The payer approved part of the request (modified quantity, duration or service)."
* #upheld "Upheld" "The payer upheld the denial; further pathways may remain."
* #escalated "Escalated" "The case moved to the next level (external review, IRE, fair hearing, regulator)."
* #withdrawn "Withdrawn" "The case was withdrawn by the requester."
* #expired "Expired" "Every filing deadline passed without a submission."
* #closed "Closed" "The case is finished with no further action planned."
* #awaiting-written-decision "Awaiting written decision" "The payer's reviewer agreed to approve (e.g. in a peer-to-peer) and the payer's written decision is awaited; filing deadlines still run until it arrives."

// --- criterion-status ------------------------------------------------------------------------------
CodeSystem: CriterionStatus
Id: criterion-status
Title: "Criterion status"
Description: "Whether the chart shows that a coverage policy criterion is satisfied."
* insert RecourseCodeSystem(criterion-status, CriterionStatus)
* #met "Met" "The evidence shows the criterion is satisfied."
* #not-met "Not met" "The evidence shows the criterion is not satisfied."
* #unknown "Unknown" "The chart does not show whether the criterion is satisfied; a human must answer."

// --- evidence-type ---------------------------------------------------------------------------------
CodeSystem: EvidenceType
Id: evidence-type
Title: "Evidence type"
Description: "The kind of document offered as evidence in an appeal or exception."
* insert RecourseCodeSystem(evidence-type, EvidenceType)
* #chart-note "Chart note" "A clinical note from the patient's record (progress note, consult, history and physical)."
* #lab-result "Lab result" "A laboratory result or report."
* #imaging "Imaging" "An imaging study report (e.g. MRI, CT)."
* #medication-history "Medication history" "The record of prior therapies, their dates and why they ended."
* #allergy-record "Allergy or intolerance record" "A documented allergy, intolerance or adverse reaction."
* #fda-label "FDA label" "The FDA-approved prescribing information for the drug."
* #guideline "Clinical guideline" "A professional society's clinical practice guideline."
* #compendium-listing "Compendium listing" "A listing in a recognised drug compendium (e.g. AHFS-DI, DrugDex, NCCN) supporting the use."
* #literature "Peer-reviewed literature" "A published peer-reviewed study or review."
* #financial-hardship "Financial hardship proof" "Documents that show the patient cannot bear the cost (for tiering exceptions and assistance programmes)."
* #prescriber-statement "Prescriber supporting statement" "The prescriber's statement supporting an exception, as Part D and many state laws require."
* #denial-letter "Denial letter" "The payer's notice of the denial."
* #other "Other" "Any other document offered as evidence."

// --- exception-type --------------------------------------------------------------------------------
CodeSystem: ExceptionType
Id: exception-type
Title: "Exception type"
Description: "What an exception request asks the plan to set aside."
* insert RecourseCodeSystem(exception-type, ExceptionType)
* #formulary "Formulary exception" "Cover a drug that is not on the formulary."
* #step-therapy "Step therapy exception" "Waive the requirement to try preferred therapies first."
* #tiering "Tiering exception" "Cover a drug at a lower tier's cost share."
* #quantity-limit "Quantity limit exception" "Cover a quantity, dose or frequency above the plan's limit."
* #site-of-service "Site of service exception" "Cover the service in a setting other than the plan's preferred one."
* #network-gap "Network gap exception" "Cover an out-of-network provider at in-network cost."
* #prior-auth-criteria "Criteria exception" "Approve although the plan's written coverage criteria are not all met, on the prescriber's clinical judgement."

// --- recourse-error --------------------------------------------------------------------------------
CodeSystem: RecourseError
Id: recourse-error
Title: "Recourse error"
Description: "Error codes in Recourse's OperationOutcome.issue.details; the HTTP status each maps to is in the definition."
* insert RecourseCodeSystem(recourse-error, RecourseError)
* #invalid-input "Invalid input" "The request is malformed or a parameter is invalid (HTTP 400)."
* #not-found "Not found" "A resource the request names does not exist (HTTP 404)."
* #conflict "Conflict" "The request conflicts with the current state, e.g. a version mismatch (HTTP 409)."
* #precondition-failed "Precondition failed" "A conditional request's precondition did not hold (HTTP 412)."
* #unprocessable "Unprocessable" "The request is well formed but breaks a business rule or profile (HTTP 422)."
* #too-large "Too large" "The request body exceeds the size limit (HTTP 413)."
* #too-many "Too many requests" "The caller exceeded its rate limit (HTTP 429)."
* #unsupported-media-type "Unsupported media type" "The request body is not in a supported format (HTTP 415)."
* #unauthorized "Unauthorized" "The request carries no valid bearer token (HTTP 401)."
* #forbidden "Forbidden" "The caller's scopes do not allow this request (HTTP 403)."
* #internal-error "Internal error" "An unexpected error; the response carries only a correlation id (HTTP 500)."
* #upstream-unavailable "Upstream unavailable" "The EHR or payer endpoint did not answer or answered with an error (HTTP 502)."
* #missing-evidence "Missing evidence" "A criterion the packet relies on has no evidence attached (HTTP 422)."
* #letter-unsigned "Letter unsigned" "The letter has not been signed off by the prescriber (HTTP 422)."
* #no-open-pathway "No open pathway" "No eligible pathway remains, or the requested one is not eligible (HTTP 422)."
* #deadline-passed "Deadline passed" "The filing deadline of the requested pathway has passed (HTTP 422)."
* #case-closed "Case closed" "The case is closed and does not accept this action (HTTP 409)."
* #no-policy "No policy" "No coverage policy matches the payer, drug or service and diagnosis (HTTP 422)."
* #packet-invalid "Packet invalid" "The assembled packet does not conform to its profile (HTTP 422)."
* #already-submitted "Already submitted" "The packet was already submitted; the earlier submission's result is returned (HTTP 200)."

// --- task-type -------------------------------------------------------------------------------------
// Task.code of Recourse's own Tasks; kept apart from case-stage, which is Task.businessStatus.
CodeSystem: RecourseTaskType
Id: task-type
Title: "Recourse task type"
Description: "What a Recourse Task is."
* insert RecourseCodeSystem(task-type, RecourseTaskType)
* #recourse-case "Recourse case" "The work of getting one denial overturned or worked around, from receipt to final decision."
* #submission "Submission of a packet to the payer" "One packet sent to the payer with PAS Claim/$submit: the outbox record of Task/[id]/$submit, one per packet identifier."
* #payer-subscription "Subscription to a payer's decision notifications" "Our PAS Subscription at one payer (rest-hook for its decisions on our requests): made once per payer Endpoint, retried until the payer takes it; output names the Subscription at the payer."
* #assistance-checklist "Assistance application checklist" "The documents and steps of one application to a patient assistance programme for the case's drug; partOf the case, one input per item, its value true once the specialist ticks it."
* #notification "Notification of a decision to a subscriber" "One PAS decision notification owed to one Subscription on the PAS topic (payer side): the outbox record written with the decision by Claim/[id]/$decide, one per Subscription and event number."

// --- artifact-type ---------------------------------------------------------------------------------
// Names what a case produces, in Task.output.type and DocumentReference.category.
CodeSystem: ArtifactType
Id: artifact-type
Title: "Recourse artifact type"
Description: "What a resource produced by a Recourse case is."
* insert RecourseCodeSystem(artifact-type, ArtifactType)
* #criteria-map "Criteria map" "The QuestionnaireResponse mapping the policy's criteria to evidence in the chart."
* #letter "Letter" "The appeal or exception letter (letter of medical necessity, supporting statement)."
* #evidence "Evidence" "A document offered as evidence for a criterion."
* #packet "Packet" "The PAS request Bundle sent to the payer."
* #payer-response "Payer response" "The payer's PAS response Bundle or ClaimResponse to the packet."
* #history-pull "History pull" "The Provenance of one pull of the patient's chart from the EHR: what was stored, when, from where."
* #document-request "Document request" "The payer's request for more documents, as received (its PAS Task), open until the documents are sent."
* #document-submission "Documents sent" "The Communication recording documents sent to the payer with CDex $submit-attachment."
* #peer-to-peer "Peer-to-peer outcome" "The Communication recording a peer-to-peer discussion with the payer's reviewer and its outcome."
* #assistance-checklist "Assistance checklist" "The checklist Task of an application to a patient assistance programme."
* #filing-packet "Filing packet" "A filing past the plan (external review / IRO, Part D IRE, fair hearing) as a document Bundle: the signed filing letter, the decisions it answers, the criteria map, the letters and evidence."
* #prior-therapy-episode "Prior-therapy episode" "A MedicationStatement summarising one therapy episode of the prior-therapy timeline, derived from the medication records it names."

// --- therapy-outcome -------------------------------------------------------------------------------
// How a therapy episode in $pull-history's prior-therapy timeline ended; step-therapy criteria ask for it.
CodeSystem: TherapyOutcome
Id: therapy-outcome
Title: "Therapy outcome"
Description: "How a therapy episode of the prior-therapy timeline ended, as read from the medication records' status and statusReason and from AllergyIntolerance."
* insert RecourseCodeSystem(therapy-outcome, TherapyOutcome)
* #ongoing "Ongoing" "The patient is still on the therapy."
* #completed "Completed" "The therapy ran its planned course."
* #stopped-inefficacy "Stopped: inefficacy" "Stopped because it did not work (inadequate response, treatment failure)."
* #stopped-adverse-event "Stopped: adverse event" "Stopped because of an adverse event or intolerance."
* #stopped-allergy "Stopped: allergy" "Stopped because of an allergy to the drug."
* #stopped-other "Stopped: other reason" "Stopped for a recorded reason that is none of the above."
* #stopped-unknown "Stopped: no reason recorded" "Stopped, with no reason in the records."

// --- drug-class ------------------------------------------------------------------------------------
CodeSystem: DrugClass
Id: drug-class
Title: "Drug class"
Description: "Therapeutic classes the prior-therapy timeline sorts ingredients into (conventional DMARDs, TNF inhibitors, statins, MS disease-modifying therapies, GLP-1 agonists…). The codes and the ingredients in each, with citations, are the server's data table rules/drug-classes.yaml."
* insert RecourseCodeSystem(drug-class, DrugClass)
* ^content = #not-present

CodeSystem: CompendiumRating
Id: compendium-rating
Title: "Compendium rating"
Description: "The rating a drug compendium gives an off-label use. Which ratings count as supportive, and which compendia a plan's regime accepts, is data with citations (rules/compendia.yaml): Medicare Benefit Policy Manual ch. 15 §50.4.5; SSA §1927(g)(1)(B)(i)."
* insert RecourseCodeSystem(compendium-rating, CompendiumRating)
* #nccn-1 "NCCN Category 1" "NCCN Drugs & Biologics Compendium, category of evidence and consensus 1."
* #nccn-2a "NCCN Category 2A" "NCCN Drugs & Biologics Compendium, category 2A."
* #nccn-2b "NCCN Category 2B" "NCCN Drugs & Biologics Compendium, category 2B."
* #nccn-3 "NCCN Category 3" "NCCN Drugs & Biologics Compendium, category 3."
* #drugdex-class-i "DrugDex Class I" "Micromedex DrugDex strength of recommendation Class I."
* #drugdex-class-iia "DrugDex Class IIa" "Micromedex DrugDex Class IIa."
* #drugdex-class-iib "DrugDex Class IIb" "Micromedex DrugDex Class IIb."
* #drugdex-class-iii "DrugDex Class III" "Micromedex DrugDex Class III."
* #ahfs-supportive "AHFS-DI supportive narrative" "AHFS Drug Information narrative text supporting the use."
* #ahfs-not-supportive "AHFS-DI not supportive" "AHFS Drug Information narrative text not supporting the use."
* #clinical-pharmacology-supportive "Clinical Pharmacology supportive narrative" "Elsevier Clinical Pharmacology narrative text supporting the use."
* #clinical-pharmacology-not-supportive "Clinical Pharmacology not supportive" "Elsevier Clinical Pharmacology narrative text not supporting the use."
* #lexi-drugs-evidence-a "Lexi-Drugs off-label, Evidence Level A" "Lexi-Drugs 'Use: Off-Label' rated Evidence Level A."
* #lexi-drugs-evidence-other "Lexi-Drugs off-label, other evidence level" "Lexi-Drugs 'Use: Off-Label' rated below Evidence Level A."
* #lexi-drugs-unsupported "Lexi-Drugs unsupported" "Lexi-Drugs 'Use: Unsupported'."
* #usp-di-accepted "USP-DI accepted" "USP Dispensing Information (or successor) lists the use as accepted."
* #usp-di-not-accepted "USP-DI not accepted" "USP Dispensing Information lists the use as unaccepted or acceptance not established."

// --- peer-to-peer-outcome --------------------------------------------------------------------------
// How a peer-to-peer discussion ended; Task/[id]/$record-peer-to-peer moves the case by it.
CodeSystem: PeerToPeerOutcome
Id: peer-to-peer-outcome
Title: "Peer-to-peer outcome"
Description: "How a peer-to-peer discussion between the prescriber and the payer's reviewer ended."
* insert RecourseCodeSystem(peer-to-peer-outcome, PeerToPeerOutcome)
* #overturned "Overturned" "The reviewer agreed to approve the request in full; the payer's written decision is awaited."
* #partially-overturned "Partially overturned" "The reviewer agreed to approve part of the request; the rest stays denied and can be appealed."
* #upheld "Upheld" "The reviewer kept the denial; the peer-to-peer is spent and the next pathway is open."
* #not-offered "Not offered" "The payer did not offer or refused a peer-to-peer (e.g. its window had closed)."
* #missed "Missed" "The scheduled discussion did not take place (either side absent)."

// --- assistance-document ---------------------------------------------------------------------------
// The items of a patient assistance application checklist (rules/assistance-checklist.yaml says what each asks for).
CodeSystem: AssistanceDocument
Id: assistance-document
Title: "Assistance application item"
Description: "A document or step an application to a manufacturer's patient assistance, copay or bridge programme asks for."
* insert RecourseCodeSystem(assistance-document, AssistanceDocument)
* #enrollment-form "Enrollment form" "The programme's enrollment or application form, completed."
* #patient-signature "Patient signature" "The patient's signature on the application and its authorization (HIPAA release)."
* #prescriber-form "Prescriber section" "The prescriber's part of the application: prescription details, signature, NPI."
* #prescription "Prescription" "A valid prescription for the drug, for an FDA-approved use where the programme requires it."
* #insurance-card "Insurance card" "Front and back of the patient's insurance card(s)."
* #denial-letter "Denial letter" "The plan's denial (or the exception/appeal denial) showing the drug is not covered."
* #income-proof "Proof of income" "Household income evidence: last tax return, pay stubs, benefit letters, or a signed statement of no income."
* #residency-proof "Proof of residency" "Evidence the patient lives in the United States or its territories."
* #lis-denial "Extra Help (LIS) decision" "For Medicare Part D patients where the programme asks: the Low-Income Subsidy (Extra Help) denial or decision."

// --- denial-metric ---------------------------------------------------------------------------------
CodeSystem: DenialMetric
Id: denial-metric
Title: "Denial metric"
Description: "The groups and stratifiers of Recourse's denial Measures (recourse-denial-outcomes, cms-0057-f-prior-authorization)."
* insert RecourseCodeSystem(denial-metric, DenialMetric)
* #overturn-rate "Overturn rate" "Decided cases whose denial the payer reversed in whole or in part, among the decided cases."
* #denial-to-submission-average "Time from denial to submission, average" "Average days from the denial's date to the first submission to the payer."
* #denial-to-submission-median "Time from denial to submission, median" "Median days from the denial's date to the first submission to the payer."
* #filing-deadline-met "Filing deadlines met" "Cases filed by the end of their filing deadline's day, among those filed or past their deadline."
* #decision-clock-met "Payer decision clocks met" "Submissions the payer decided by its decision due time, among those decided or past due."
* #pa-approved-standard "Standard prior authorizations approved" "Standard requests approved in whole or in part, among those decided."
* #pa-denied-standard "Standard prior authorizations denied" "Standard requests denied, among those decided."
* #pa-approved-after-appeal-standard "Standard requests approved after appeal" "Standard appeal requests approved in whole or in part, among the decided appeals."
* #pa-decision-time-average-standard "Standard decision time, average" "Average hours from receipt of a standard request to its decision."
* #pa-decision-time-median-standard "Standard decision time, median" "Median hours from receipt of a standard request to its decision."
* #pa-approved-expedited "Expedited prior authorizations approved" "Expedited requests approved in whole or in part, among those decided."
* #pa-denied-expedited "Expedited prior authorizations denied" "Expedited requests denied, among those decided."
* #pa-approved-after-appeal-expedited "Expedited requests approved after appeal" "Expedited appeal requests approved in whole or in part, among the decided appeals."
* #pa-decision-time-average-expedited "Expedited decision time, average" "Average hours from receipt of an expedited request to its decision."
* #pa-decision-time-median-expedited "Expedited decision time, median" "Median hours from receipt of an expedited request to its decision."
* #payer "Payer" "Stratifier: the denial's insurer (identifier system|value, else reference or name)."
* #category "Denial category" "Stratifier: the case's first denial-category."
* #service "Drug or service" "Stratifier: the denial's first coded addItem.productOrService (system|code)."
* #pathway "Pathway" "Stratifier: the case's pathway when it was first submitted (its current one before that)."
