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
* insert Param(decisionLevel, in, 0, 1, code, [[initial | internal-appeal | final-internal. Default: the denial's decision-level extension, else initial.]])
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
* insert Tuple(count, out, 0, *, [[How many resources of one type were pulled, and how many of them were new or changed.]])
* insert Part(resourceType, 1, 1, code, [[The resource type.]])
* insert Part(total, 1, 1, integer, [[How many were pulled.]])
* insert Part(unchanged, 1, 1, integer, [[Of those, how many were already stored here exactly as the EHR has them, and so were not written again (a re-pull writes only what changed).]])
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
* insert Param(pathway, in, 0, 1, code, [[The pathway (pathway code system). Default: the top eligible one. external-review, expedited-external-review, ire-reconsideration, state-fair-hearing and regulator-complaint draw the filing past the plan instead of a letter of medical necessity: addressed from rules/filing-addressees-*.yaml (one file per pathway family) by plan regime and state, at the level the case stands (a ClaimResponse marked decision-level final-internal, the payer's answer to our appeal, or a missed decision clock), citing missed clocks. 422 naming what is missing: the pathway not open at that level, the plan's regime or state unknown, no addressee row for the state.]])
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

// --- Task/[id]/$assemble-filing --------------------------------------------------------------------
Instance: Task-assemble-filing
InstanceOf: OperationDefinition
Usage: #definition
Title: "Assemble a filing packet"
Description: "Assembles the packet of a filing past the plan (external review, Part D IRE, fair hearing) as a document Bundle, or fails with 422 listing what is missing."
* insert RecourseOperation(Task-assemble-filing, assemble-filing, AssembleFiling)
* description = "Assembles the packet of a filing past the plan (RecourseFilingPacket, a document Bundle): a Composition listing the signed filing letter, the plan's decisions it answers, the criteria map, the case's other letters and the evidence, then every resource they reference. Fails with HTTP 422 and an OperationOutcome listing what is missing: the pathway not a filing with enclosures, not open at the case's level (no final internal denial on file, no missed decision clock), no filing letter drafted or not signed."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(pathway, in, 1, 1, code, [[The filing: external-review, expedited-external-review, ire-reconsideration or state-fair-hearing.]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(PathwayVS)
* insert Param(return, out, 1, 1, Bundle, [[The filing packet (RecourseFilingPacket).]])

// --- Task/[id]/$standing ---------------------------------------------------------------------------
Instance: Task-standing
InstanceOf: OperationDefinition
Usage: #definition
Title: "Where a case stands"
Description: "The adverse decision a filing past the plan answers, the level it stands at, and the denial's triage at that level: the pathways open from there with their deadlines. Computes only; stores nothing."
* insert RecourseOperation(Task-standing, standing, CaseStanding)
* description = "Where the open case stands: the adverse decisions on file (the denial and the payer's upheld or partly upheld answers to what was submitted) each at its level (the decision-level extension, else initial / internal-appeal), raised by a missed payer decision clock the case records to the level rules/missed-decision-clocks.yaml deems; then the triage at that level, in $triage's output parameters. The pathways it lists as eligible are those $draft-letter and $assemble-filing accept for the case. Computes only; stores nothing."
* affectsState = false
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(category, out, 1, *, Coding, [[Denial categories (denial-category), most likely first, as $triage.]])
* insert Param(basis, out, 1, *, string, [[What decided each category, as $triage.]])
* insert Param(regime, out, 1, 1, Coding, [[The plan regime (plan-regime), as $triage.]])
* insert Tuple(pathway, out, 0, *, [[A pathway open (or not) from where the case stands, with the parts of $triage's pathway: code, rank, eligible, rationale, filingDeadline, decisionTime, expeditedDecisionTime, citation, warning.]])
* insert Part(code, 1, 1, Coding, [[The pathway (pathway code system).]])
* insert Part(rank, 1, 1, integer, [[1 = best.]])
* insert Part(eligible, 1, 1, boolean, [[Whether the pathway is open now, at the case's level.]])
* insert Part(rationale, 1, 1, string, [[Why it is or is not eligible.]])
* insert Part(filingDeadline, 0, 1, date, [[The last day filing is timely.]])
* insert Part(decisionTime, 0, 1, Quantity, [[How long the decision-maker has (UCUM h or d).]])
* insert Part(expeditedDecisionTime, 0, 1, Quantity, [[The decision time on the expedited clock.]])
* insert Part(citation, 1, *, string, [[The law, regulation or plan document each rule comes from.]])
* insert Part(warning, 0, *, string, [[Anything that could make the pathway fail.]])
* insert Param(question, out, 0, *, string, [[What to ask when the input cannot decide, as $triage.]])
* insert Param(level, out, 1, 1, code, [[The level the case stands at: initial | internal-appeal | final-internal.]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(DecisionLevelVS)
* insert Param(standing, out, 1, 1, string, [[Why it stands there, in words: the decision and how its level was decided, or the missed clock that raised it.]])
* insert Param(decision, out, 1, 1, Reference, [[The adverse decision (ClaimResponse) a filing answers.]])

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

// --- Task/[id]/$record-peer-to-peer ----------------------------------------------------------------
Instance: Task-record-peer-to-peer
InstanceOf: OperationDefinition
Usage: #definition
Title: "Record a peer-to-peer outcome"
Description: "Records how the case's peer-to-peer discussion ended and moves the case to its next step."
* insert RecourseOperation(Task-record-peer-to-peer, record-peer-to-peer, RecordPeerToPeer)
* description = "Records how the case's peer-to-peer discussion ended (a RecoursePeerToPeerOutcome Communication partOf the case), completes its request, marks its appointment fulfilled (or noshow when missed) and moves the case: overturned → awaiting the payer's written decision; partially overturned, upheld, not offered or missed → the peer-to-peer is spent and the case's pathway and deadline become the next eligible pathway of the denial's triage. One transaction."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(outcome, in, 1, 1, code, [[How it ended (peer-to-peer-outcome).]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(PeerToPeerOutcomeVS)
* insert Param(request, in, 0, 1, Reference, [[The peer-to-peer CommunicationRequest. Default: the case's one active request.]])
* insert Param(occurred, in, 0, 1, dateTime, [[When the discussion took place (or was refused). Default: the appointment's start, else now.]])
* insert Param(note, in, 0, 1, string, [[What was said: the reviewer's reasons, what was agreed, the payer's reference number.]])
* insert Param(return, out, 1, 1, Communication, [[The outcome (RecoursePeerToPeerOutcome).]])

// --- Task/[id]/$offer-assistance --------------------------------------------------------------------
Instance: Task-offer-assistance
InstanceOf: OperationDefinition
Usage: #definition
Title: "Offer patient assistance"
Description: "The manufacturer assistance, copay and bridge programmes for the case's drug, filtered by its plan regime."
* insert RecourseOperation(Task-offer-assistance, offer-assistance, OfferAssistance)
* description = "Whether the case's triage opens the patient-assistance-program pathway, and the programmes of rules/assistance-programs.yaml for the case's drug: each offered or withheld with the reason (copay cards are withheld for federal health care programmes, with the Anti-Kickback caveat). Computes only; stores nothing."
* affectsState = false
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(offered, out, 1, 1, boolean, [[Whether the triage opens the patient-assistance-program pathway for this case.]])
* insert Param(rationale, out, 1, 1, string, [[Why, in words a specialist can read.]])
* insert Param(drug, out, 0, 1, Coding, [[The drug (RxNorm ingredient) the programmes are for; absent when the case's drug has no programme on file.]])
* insert Param(caveat, out, 0, *, string, [[Warnings that apply to the case, e.g. the federal programme caveat.]])
* insert Tuple(program, out, 0, *, [[One programme for the drug.]])
* insert Part(id, 1, 1, string, [[The programme's id in rules/assistance-programs.yaml; $assistance-checklist takes it.]])
* insert Part(name, 1, 1, string, [[The programme's name.]])
* insert Part(manufacturer, 1, 1, string, [[Who runs it.]])
* insert Part(kind, 1, 1, code, [[copay-card | free-drug | bridge | foundation-referral.]])
* insert Part(eligibility, 1, 1, string, [[Who is eligible, as the programme states it.]])
* insert Part(offered, 1, 1, boolean, [[Whether it may apply to this case.]])
* insert Part(reason, 1, 1, string, [[Why it is offered or withheld.]])
* insert Part(url, 1, 1, uri, [[Where to read the terms and apply.]])
* insert Part(phone, 0, 1, string, [[The programme's phone number, only when verified.]])
* insert Part(citation, 1, 1, string, [[The source of the row.]])

// --- Task/[id]/$assistance-checklist ----------------------------------------------------------------
Instance: Task-assistance-checklist
InstanceOf: OperationDefinition
Usage: #definition
Title: "Start an assistance application checklist"
Description: "Creates (once) the application checklist Task for one assistance programme offered on the case."
* insert RecourseOperation(Task-assistance-checklist, assistance-checklist, AssistanceChecklist)
* description = "Creates the checklist Task (RecourseAssistanceChecklist) of an application to one programme $offer-assistance offers on the case, partOf the case and linked as its output; the same programme again returns the checklist already made. A programme not on file is 422, one withheld for the case (e.g. a copay card under Medicare) is 422 with the reason."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(program, in, 1, 1, string, [[The programme's id, as $offer-assistance lists it.]])
* insert Param(return, out, 1, 1, Task, [[The checklist (RecourseAssistanceChecklist).]])

// --- Task/[id]/$check-item --------------------------------------------------------------------------
Instance: Task-check-item
InstanceOf: OperationDefinition
Usage: #definition
Title: "Tick a checklist item"
Description: "Marks one item of an assistance application checklist done or not done."
* insert RecourseOperation(Task-check-item, check-item, CheckItem)
* description = "Marks one item of an assistance application checklist (the Task addressed) done or not done; the checklist completes when every item is done and is in progress otherwise. An item the checklist does not have is 422 naming it."
* affectsState = true
* resource[0] = #Task
* system = false
* type = false
* instance = true
* insert Param(item, in, 1, 1, code, [[The item (assistance-document).]])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(AssistanceDocumentVS)
* insert Param(done, in, 1, 1, boolean, [[Done (true) or not yet (false).]])
* insert Param(return, out, 1, 1, Task, [[The checklist as updated.]])

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
