// What a Recourse server offers. The running server also generates its own CapabilityStatement; this one is
// the specification it must match.

RuleSet: Op(name, canonical)
* rest[0].resource[=].operation[+].name = "{name}"
* rest[0].resource[=].operation[=].definition = "{canonical}"

RuleSet: Interactions
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[+].code = #vread
* rest[0].resource[=].interaction[+].code = #search-type
* rest[0].resource[=].interaction[+].code = #create
* rest[0].resource[=].interaction[+].code = #update

Instance: recourse-server
InstanceOf: CapabilityStatement
Usage: #definition
Title: "Recourse server"
Description: "The FHIR R4 API of a Recourse server: provider-side casework (triage, case, history, criteria, letter, packet, submit) and payer-side receipt (PAS $submit, $inquire, $decide)."
* url = "http://recourse.dev/fhir/CapabilityStatement/recourse-server"
* name = "RecourseServer"
* title = "Recourse server"
* status = #active
* experimental = false
* date = "2025-01-01"
* publisher = "Recourse"
* description = "The FHIR R4 API of a Recourse server: provider-side casework (triage, case, history, criteria, letter, packet, submit) and payer-side receipt of appeal and exception packets (Da Vinci PAS Claim/$submit and Claim/$inquire, and $decide)."
* kind = #capability
* software.name = "Recourse"
* fhirVersion = #4.0.1
* format[0] = #json
* format[+] = #xml
* implementationGuide[0] = "http://recourse.dev/fhir/ImplementationGuide/dev.recourse.fhir"
* rest[0].mode = #server
* rest[0].documentation = "SMART Backend Services for system clients (EHRs, payers), SMART App Launch 2 for the specialist's app. Errors are OperationOutcomes whose issue.details carry a recourse-error code."
* rest[0].security.cors = true
* rest[0].security.service = http://terminology.hl7.org/CodeSystem/restful-security-service#SMART-on-FHIR

// ClaimResponse: denials in, $triage, $open-case
* rest[0].resource[0].type = #ClaimResponse
* rest[0].resource[=].profile = Canonical(RecourseDenial)
* insert Interactions
* rest[0].resource[=].searchParam[0].name = "patient"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/ClaimResponse-patient"
* rest[0].resource[=].searchParam[=].type = #reference
* insert Op(triage, http://recourse.dev/fhir/OperationDefinition/ClaimResponse-triage)
* insert Op(open-case, http://recourse.dev/fhir/OperationDefinition/ClaimResponse-open-case)

// Task: the case and the worklist
* rest[0].resource[+].type = #Task
* rest[0].resource[=].profile = Canonical(RecourseCase)
* insert Interactions
* rest[0].resource[=].searchParam[0].name = "deadline"
* rest[0].resource[=].searchParam[=].definition = "http://recourse.dev/fhir/SearchParameter/deadline"
* rest[0].resource[=].searchParam[=].type = #date
* rest[0].resource[=].searchParam[=].documentation = "The next hard deadline; the worklist sorts by it."
* rest[0].resource[=].searchParam[+].name = "code"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Task-code"
* rest[0].resource[=].searchParam[=].type = #token
* rest[0].resource[=].searchParam[+].name = "status"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Task-status"
* rest[0].resource[=].searchParam[=].type = #token
* rest[0].resource[=].searchParam[+].name = "business-status"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Task-business-status"
* rest[0].resource[=].searchParam[=].type = #token
* rest[0].resource[=].searchParam[+].name = "patient"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Task-patient"
* rest[0].resource[=].searchParam[=].type = #reference
* rest[0].resource[=].searchParam[+].name = "focus"
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Task-focus"
* rest[0].resource[=].searchParam[=].type = #reference
* insert Op(pull-history, http://recourse.dev/fhir/OperationDefinition/Task-pull-history)
* insert Op(map-criteria, http://recourse.dev/fhir/OperationDefinition/Task-map-criteria)
* insert Op(draft-letter, http://recourse.dev/fhir/OperationDefinition/Task-draft-letter)
* insert Op(assemble, http://recourse.dev/fhir/OperationDefinition/Task-assemble)
* insert Op(assemble-filing, http://recourse.dev/fhir/OperationDefinition/Task-assemble-filing)
* insert Op(standing, http://recourse.dev/fhir/OperationDefinition/Task-standing)
* insert Op(submit, http://recourse.dev/fhir/OperationDefinition/Task-submit)
* insert Op(send-documents, http://recourse.dev/fhir/OperationDefinition/Task-send-documents)
* insert Op(record-peer-to-peer, http://recourse.dev/fhir/OperationDefinition/Task-record-peer-to-peer)
* insert Op(offer-assistance, http://recourse.dev/fhir/OperationDefinition/Task-offer-assistance)
* insert Op(assistance-checklist, http://recourse.dev/fhir/OperationDefinition/Task-assistance-checklist)
* insert Op(check-item, http://recourse.dev/fhir/OperationDefinition/Task-check-item)

// Claim: our appeal and exception requests; payer side PAS $submit / $inquire (PAS's definitions) and $decide
* rest[0].resource[+].type = #Claim
* rest[0].resource[=].supportedProfile[0] = Canonical(RecourseAppealRequest)
* rest[0].resource[=].supportedProfile[+] = Canonical(RecourseExceptionRequest)
* rest[0].resource[=].supportedProfile[+] = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim"
* insert Interactions
* insert Op(submit, http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-submit)
* insert Op(inquire, http://hl7.org/fhir/us/davinci-pas/OperationDefinition/Claim-inquiry)
* insert Op(decide, http://recourse.dev/fhir/OperationDefinition/Claim-decide)
* insert Op(request-documents, http://recourse.dev/fhir/OperationDefinition/Claim-request-documents)

* rest[0].resource[+].type = #Questionnaire
* rest[0].resource[=].profile = Canonical(RecourseCoveragePolicy)
* insert Interactions
* rest[0].resource[+].type = #QuestionnaireResponse
* rest[0].resource[=].profile = Canonical(RecourseCriteriaMap)
* insert Interactions
* rest[0].resource[+].type = #DocumentReference
* rest[0].resource[=].supportedProfile[0] = Canonical(RecourseEvidence)
* rest[0].resource[=].supportedProfile[+] = Canonical(RecourseLetter)
* insert Interactions
* insert Op(sign, http://recourse.dev/fhir/OperationDefinition/DocumentReference-sign)
* rest[0].resource[+].type = #Bundle
* rest[0].resource[=].supportedProfile[0] = Canonical(RecoursePacket)
* insert Interactions

// Plain resources the case reads, writes or links
* rest[0].resource[+].type = #Coverage
* insert Interactions
* rest[0].resource[+].type = #Patient
* insert Interactions
* rest[0].resource[+].type = #Organization
* insert Interactions
* insert Op(denial-metrics, http://recourse.dev/fhir/OperationDefinition/Organization-denial-metrics)
* rest[0].resource[+].type = #Endpoint
* insert Interactions
* rest[0].resource[+].type = #Communication
* insert Interactions
* rest[0].resource[+].type = #CommunicationRequest
* insert Interactions
* rest[0].resource[+].type = #Library
* insert Interactions
* rest[0].resource[+].type = #SearchParameter
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[+].type = #OperationDefinition
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[+].type = #Measure
* rest[0].resource[=].interaction[0].code = #read

// System level: CDex $submit-attachment (payer side), under CDex's own definition (not copied here)
* rest[0].operation[+].name = "submit-attachment"
* rest[0].operation[=].definition = "http://hl7.org/fhir/us/davinci-cdex/OperationDefinition/submit-attachment"
