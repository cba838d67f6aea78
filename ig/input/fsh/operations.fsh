// OperationDefinitions: the contract of DESIGN.md §4. Parameter names, types and cardinalities are the contract.
// PAS's Claim/$submit and Claim/$inquire are not redefined: the CapabilityStatement points at PAS's own.

RuleSet: RecourseOperation(id, code, title)
* url = "http://recourse.dev/fhir/OperationDefinition/{id}"
* name = "{title}"
* title = "{title}"
* status = #active
* kind = #operation
* publisher = "Recourse"
* code = #{code}

// param(name, use, min, max, type, doc)
RuleSet: Param(name, use, min, max, type, doc)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].type = #{type}
* parameter[=].documentation = "{doc}"

// A part of the parameter declared just before it (one nesting level is all the contract needs).
RuleSet: Part(name, min, max, type, doc)
* parameter[=].part[+].name = #{name}
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = {min}
* parameter[=].part[=].max = "{max}"
* parameter[=].part[=].type = #{type}
* parameter[=].part[=].documentation = "{doc}"

// A parameter made of parts has no type in R4.
RuleSet: Tuple(name, use, min, max, doc)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].documentation = "{doc}"

// --- ClaimResponse/$triage -------------------------------------------------------------------------
Instance: ClaimResponse-triage
InstanceOf: OperationDefinition
Usage: #definition
Title: "Triage a denial"
Description: "Works out what kind of denial this is, under which plan regime, and which pathways lead past it with their deadlines and decision clocks. Computes only; stores nothing."
* insert RecourseOperation(ClaimResponse-triage, triage, TriageDenial)
* description = "Works out what kind of denial this is, under which plan regime, and which pathways lead past it with their deadlines and decision clocks. At type level the denial is passed in `denial`; at instance level it is the ClaimResponse addressed. Computes only; stores nothing."
* affectsState = false
* resource[0] = #ClaimResponse
* system = false
* type = true
* instance = true
* insert Param(denial, in, 0, 1, ClaimResponse, [[The denial (RecourseDenial). Type level only, where it is required; absent at instance level.]])
* insert Param(coverage, in, 0, 1, Coverage, [[The plan. Default: the resource denial.insurance.coverage refers to.]])
* insert Param(letterText, in, 0, 1, string, [[Text of the denial letter, when the structured denial does not carry the reasons.]])
* insert Param(receivedDate, in, 0, 1, date, [[Date the denial was received. Default: the programme's receipt rule applied to denial.created.]])
* insert Param(decisionLevel, in, 0, 1, code, [[initial | internal-appeal | final-internal. Default initial.]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(DecisionLevelVS)
* insert Param(urgent, in, 0, 1, boolean, [[Whether the patient's health requires the expedited clock.]])
* insert Param(asOf, in, 0, 1, dateTime, [[The moment deadlines are judged from. Default: now.]])
* insert Param(category, out, 1, *, Coding, [[Denial categories (denial-category), most likely first.]])
* insert Param(basis, out, 1, *, string, [[The code or phrase that decided each category.]])
* insert Param(regime, out, 1, 1, Coding, [[The plan regime (plan-regime); unknown when it cannot be decided.]])
* insert Tuple(pathway, out, 0, *, [[A pathway past the denial, best first.]])
* insert Part(code, 1, 1, Coding, [[The pathway (pathway code system).]])
* insert Part(rank, 1, 1, integer, [[1 = best.]])
* insert Part(eligible, 1, 1, boolean, [[Whether the pathway is open now.]])
* insert Part(rationale, 1, 1, string, [[Why it is or is not eligible, in words a specialist can read.]])
* insert Part(filingDeadline, 0, 1, date, [[The last day filing is timely; absent when it depends on a later event.]])
* insert Part(decisionTime, 0, 1, Quantity, [[How long the decision-maker has to decide (UCUM h or d).]])
* insert Part(expeditedDecisionTime, 0, 1, Quantity, [[The decision time on the expedited clock (UCUM h or d).]])
* insert Part(citation, 1, *, string, [[The law, regulation or plan document each rule comes from.]])
* insert Part(warning, 0, *, string, [[Anything that could make the pathway fail.]])
* insert Param(question, out, 0, *, string, [[What to ask when the input cannot decide.]])

// --- ClaimResponse/[id]/$open-case -----------------------------------------------------------------
Instance: ClaimResponse-open-case
InstanceOf: OperationDefinition
Usage: #definition
Title: "Open a case for a denial"
Description: "Opens the case Task for the denial, or returns the open one: there is at most one open case per denial."
* insert RecourseOperation(ClaimResponse-open-case, open-case, OpenCase)
* description = "Opens the case Task (RecourseCase) for the denial addressed, or returns the existing open one: there is at most one open case per denial."
* affectsState = true
* resource[0] = #ClaimResponse
* system = false
* type = false
* instance = true
* insert Param(return, out, 1, 1, Task, [[The case (RecourseCase).]])

// --- Task/[id]/$pull-history -----------------------------------------------------------------------
Instance: Task-pull-history
InstanceOf: OperationDefinition
Usage: #definition
Title: "Pull the patient's history"
Description: "Pulls the patient's chart from the EHR into the case and builds the prior-therapy timeline."
* insert RecourseOperation(Task-pull-history, pull-history, PullHistory)
* description = "Pulls the case patient's chart (Coverage, Condition, MedicationRequest/Statement/Dispense/Administration, AllergyIntolerance, laboratory and vital-sign Observations, Procedure, DiagnosticReport, DocumentReference) from the EHR over FHIR REST with SMART Backend Services, stores it under stable ids with meta.source and a Provenance, links it to the case, and builds the prior-therapy timeline. A type that cannot be pulled is a warning, not a failure; the EHR patient is found by the case patient's identifiers."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(endpoint, in, 0, 1, Reference, [[The EHR's Endpoint (connectionType hl7-fhir-rest). Default: recourse.ehr.default-endpoint. Its address must lie under the server's outbound-allowed URLs.]])
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Endpoint"
* insert Param(provenance, out, 0, 1, Reference, [[The Provenance recording who pulled what, when, from where; absent when nothing was stored.]])
* insert Tuple(count, out, 0, *, [[How many resources of one type were pulled and stored.]])
* insert Part(resourceType, 1, 1, code, [[The resource type.]])
* insert Part(total, 1, 1, integer, [[How many were pulled.]])
* insert Tuple(priorTherapy, out, 0, *, [[A therapy episode the patient had, oldest first.]])
* insert Part(medication, 1, 1, Coding, [[The ingredient (RxNorm where known).]])
* insert Part(drugClass, 0, 1, Coding, [[The drug class (recourse drug-class).]])
* insert Part(start, 0, 1, date, [[First day of therapy.]])
* insert Part(end, 0, 1, date, [[Last day of therapy; absent when ongoing.]])
* insert Part(days, 0, 1, integer, [[Days on therapy.]])
* insert Part(outcome, 0, 1, Coding, [[Ongoing, completed, or why it stopped (recourse therapy-outcome).]])
* insert Part(outcomeBasis, 0, 1, string, [[Which record the outcome was read from, in words.]])
* insert Part(source, 1, *, Reference, [[The chart resources the therapy was read from.]])
* insert Tuple(warning, out, 0, *, [[A part of the pull that failed; the rest was stored.]])
* insert Part(resourceType, 0, 1, code, [[The resource type that could not be pulled, if one.]])
* insert Part(message, 1, 1, string, [[What failed and what was done about it.]])

// --- Task/[id]/$map-criteria -----------------------------------------------------------------------
Instance: Task-map-criteria
InstanceOf: OperationDefinition
Usage: #definition
Title: "Map the policy's criteria to the chart"
Description: "Evaluates the payer's coverage policy against the chart and returns the criteria map."
* insert RecourseOperation(Task-map-criteria, map-criteria, MapCriteria)
* description = "Evaluates the payer's coverage policy (RecourseCoveragePolicy) against the patient's chart and returns the criteria map (RecourseCriteriaMap)."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(policy, in, 0, 1, canonical, [[The policy Questionnaire. Default: chosen by payer + drug or service + diagnosis.]])
* parameter[=].targetProfile = "http://recourse.dev/fhir/StructureDefinition/recourse-coverage-policy"
* insert Param(return, out, 1, 1, QuestionnaireResponse, [[The criteria map (RecourseCriteriaMap).]])

// --- Task/[id]/$draft-letter -----------------------------------------------------------------------
Instance: Task-draft-letter
InstanceOf: OperationDefinition
Usage: #definition
Title: "Draft the letter"
Description: "Drafts the appeal or exception letter for a pathway from the case's denial, criteria map and evidence."
* insert RecourseOperation(Task-draft-letter, draft-letter, DraftLetter)
* description = "Drafts the appeal or exception letter (RecourseLetter) for a pathway from the case's denial, criteria map and evidence."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(pathway, in, 0, 1, code, [[The pathway (pathway code system). Default: the top eligible one.]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(PathwayVS)
* insert Tuple(section, in, 0, *, [[The specialist's text for one free-text section of the letter. Kept on the letter (extension letter-section) and carried into later drafts until given again; an empty text clears the section.]])
* parameter[=].part[+].name = #name
* parameter[=].part[=].use = #in
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #code
* parameter[=].part[=].documentation = "opening | argument | closing"
* parameter[=].part[+].name = #text
* parameter[=].part[=].use = #in
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #string
* parameter[=].part[=].documentation = "The text; absent or empty clears the section (it prints as a placeholder)."
* insert Param(return, out, 1, 1, DocumentReference, [[The letter (RecourseLetter), a draft (docStatus preliminary). 409 when the case's letter for this pathway is already signed.]])

// --- DocumentReference/[id]/$sign ------------------------------------------------------------------
Instance: DocumentReference-sign
InstanceOf: OperationDefinition
Usage: #definition
Title: "Sign the letter"
Description: "The prescriber signs a drafted letter off: it becomes final, names them as authenticator, and is frozen."
* insert RecourseOperation(DocumentReference-sign, sign, SignLetter)
* description = "The prescriber signs a drafted letter (RecourseLetter) off: authenticator = the Practitioner of the caller's own login (fhirUser), docStatus final, HTML and PDF rendered again with the signature block signed and the signing time. Only a user whose token's fhirUser is a Practitioner may sign (403 otherwise). A signed letter is frozen: updates and deletes are refused with 409."
* affectsState = true
* resource[0] = #DocumentReference
* system = false
* type = false
* instance = true
* insert Param(return, out, 1, 1, DocumentReference, [[The signed letter.]])

// --- Task/[id]/$assemble ---------------------------------------------------------------------------
Instance: Task-assemble
InstanceOf: OperationDefinition
Usage: #definition
Title: "Assemble the packet"
Description: "Assembles the packet Bundle, or fails with 422 and an OperationOutcome listing what is missing or invalid."
* insert RecourseOperation(Task-assemble, assemble, Assemble)
* description = "Assembles the packet (RecoursePacket) from the case: request Claim first, then every resource it references. Fails with HTTP 422 and an OperationOutcome listing what is missing or invalid (recourse-error codes)."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(return, out, 1, 1, Bundle, [[The packet (RecoursePacket).]])

// --- Task/[id]/$submit -----------------------------------------------------------------------------
Instance: Task-submit
InstanceOf: OperationDefinition
Usage: #definition
Title: "Submit the packet"
Description: "Submits the case's packet to the payer with PAS Claim/$submit and returns the payer's response. Safe to retry."
* insert RecourseOperation(Task-submit, submit, SubmitPacket)
* description = "Submits the case's packet to the payer's PAS Claim/$submit (at the payer Endpoint's address) and returns the payer's PAS response Bundle. Safe to retry: the packet identifier is the idempotency key and a packet is never filed twice."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(return, out, 1, 1, Bundle, [[The payer's PAS response Bundle.]])

// --- Claim/[id]/$decide (payer side) ---------------------------------------------------------------
Instance: Claim-decide
InstanceOf: OperationDefinition
Usage: #definition
Title: "Decide a request (payer side)"
Description: "Records the payer's decision on a received request and notifies subscribers."
* insert RecourseOperation(Claim-decide, decide, Decide)
* description = "Payer side: records the reviewer's decision on a received appeal or exception request as the PAS ClaimResponse (reviewAction per item) and notifies subscribers."
* affectsState = true
* resource[0] = #Claim
* system = false
* type = false
* instance = true
* insert Param(decision, in, 1, 1, code, [[X12 306 action code: A1 certified, A3 not certified, A4 pended, A6 modified.]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(ReviewActionDecisionVS)
* insert Param(reason, in, 0, *, Coding, [[Reason for the decision (X12 886).]])
* insert Param(note, in, 0, 1, string, [[The decision's text, sent as processNote.]])
* insert Param(reviewer, in, 0, 1, Reference, [[The human reviewer (Practitioner or PractitionerRole, by reference on this server or by NPI identifier); recorded as PAS extension-claimResponseReviewer.]])
* parameter[=].targetProfile[0] = "http://hl7.org/fhir/StructureDefinition/Practitioner"
* parameter[=].targetProfile[1] = "http://hl7.org/fhir/StructureDefinition/PractitionerRole"
* insert Param(policy, in, 0, 1, canonical, [[The coverage policy (Questionnaire on this server) whose criteria drove a denial or modification, as url|version. Only with A3 or A6, and only with criterion.]])
* insert Param(criterion, in, 0, *, string, [[The criterion ids (criterion-id) of that policy that drove it; recorded as decision-criterion on each decided item.]])
* insert Param(return, out, 1, 1, ClaimResponse, [[The updated ClaimResponse.]])

// --- Claim/[id]/$request-documents (payer side) ----------------------------------------------------
Instance: Claim-request-documents
InstanceOf: OperationDefinition
Usage: #definition
Title: "Request documents (payer side)"
Description: "Asks the provider for more documents on a received, still pended request (PAS Task and CommunicationRequest)."
* insert RecourseOperation(Claim-request-documents, request-documents, RequestDocuments)
* description = "Payer side: on a received request that is still pended (A4), records a PAS Task (profile-task: the tracking number, attachment-request-code, payer-url where CDex $submit-attachment is, one attachments-needed per code and item) and one PAS CommunicationRequest per code and item, which the stored ClaimResponse names in communicationRequest — one transaction under If-Match on the stored answer. Claim/$submit again, Claim/$inquire and the decision notification carry them after the ClaimResponse. Registered payer clients only."
* affectsState = true
* resource[0] = #Claim
* system = false
* type = false
* instance = true
* insert Param(code, in, 1, *, Coding, [[A document asked for, as a LOINC attachment code (http://loinc.org), e.g. 18748-4.]])
* insert Param(item, in, 0, *, positiveInt, [[The request's item sequences the documents concern; default every item.]])
* insert Param(note, in, 0, 1, string, [[What the reviewer says to the provider; on the Task and each CommunicationRequest.]])
* insert Param(due, in, 0, 1, date, [[When the documents are due (Task.restriction.period.end).]])
* insert Param(return, out, 1, 1, Task, [[The PAS Task as stored.]])

// --- Task/[id]/$send-documents ---------------------------------------------------------------------
Instance: Task-send-documents
InstanceOf: OperationDefinition
Usage: #definition
Title: "Send the documents a payer asked for"
Description: "Sends documents the payer asked for with CDex $submit-attachment and records what was sent."
* insert RecourseOperation(Task-send-documents, send-documents, SendDocuments)
* description = "Sends DocumentReferences of this server that answer a payer's request for documents (recorded on the case from the payer's answer) with Da Vinci CDex $submit-attachment to the request's payer-url — only when that is the address of a configured payer Endpoint — then records a Communication (partOf the case, basedOn the request, payload the documents), marks the request completed (in-progress while codes remain) and moves the case to under-review. 502 when the payer cannot be reached: nothing is recorded as sent and nothing is retried."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(request, in, 0, 1, Reference, [[The request answered (the case's document-request output, a Task); default the case's open one.]])
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/Task"
* insert Param(document, in, 1, *, Reference, [[A DocumentReference on this server, its attachment inline.]])
* parameter[=].targetProfile = "http://hl7.org/fhir/StructureDefinition/DocumentReference"
* insert Param(code, in, 0, *, Coding, [[The LOINC code each document answers, one per document in order; default the document's LOINC type.]])
* insert Param(return, out, 1, 1, Communication, [[The Communication recording what was sent.]])

// --- Organization/[id]/$denial-metrics -------------------------------------------------------------
Instance: Organization-denial-metrics
InstanceOf: OperationDefinition
Usage: #definition
Title: "Denial metrics of an organization"
Description: "The organization's denial metrics for a period as MeasureReports or CSV: the CMS-0057-F prior-authorization measures of the requests it received as a payer, and the overturn, timeliness and deadline numbers of the cases on denials it received as a provider."
* insert RecourseOperation(Organization-denial-metrics, denial-metrics, DenialMetrics)
* description = "Evaluates the Measures recourse-denial-outcomes (provider side: cases whose denial names the organization as requestor, by the denial's date; overturn rate in total and stratified by payer, denial category, drug/service and pathway; time from denial to submission, average and median; filing deadlines met; the payer's decision clock met where submissions carry submission-decision-due) and cms-0057-f-prior-authorization (payer side: PAS requests received by the organization as insurer, by date received; approved, denied, approved after appeal, average and median decision time, standard and expedited apart) from the server's metrics read model, aggregated in SQL. The organization is matched by every identifier it carries and by its own reference. Returns a collection Bundle of four summary MeasureReports (the proportions and the times of each side: FHIR R4 scores a Measure one way); with _format=csv or Accept: text/csv the same numbers as text/csv. Not for tokens confined to one patient."
* affectsState = false
* resource[0] = #Organization
* system = false
* type = false
* instance = true
* insert Param(periodStart, in, 1, 1, date, [[First day of the period (YYYY-MM-DD, UTC), included.]])
* insert Param(periodEnd, in, 1, 1, date, [[Last day of the period (YYYY-MM-DD, UTC), included; at most ten years after periodStart.]])
* insert Param(return, out, 1, 1, Bundle, [[A collection Bundle of summary MeasureReports (one per Measure: recourse-denial-outcomes, recourse-denial-timing, cms-0057-f-prior-authorization, cms-0057-f-decision-time); or, for text/csv, a Binary served as text/csv.]])
