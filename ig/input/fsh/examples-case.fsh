// The denial, the case, the policy and the criteria map of the ocrelizumab scenario (see examples-parties.fsh).
// DTR 2.0.1's qr-context targets CRD profiles, one of which (profile-appointment) no obtainable CRD package
// defines; a validator that resolves a literal reference then fails on the missing profile. The criteria map
// therefore names its context by identifier (see README.md).

// --- Denial ----------------------------------------------------------------------------------------
Instance: ocrevus-offlabel
InstanceOf: RecourseDenial
Title: "Denial: ocrelizumab off-label under 18"
Description: "Acme Health Plan's PAS response: item not certified (A3), CARC 50, with the reason in processNote."
* extension[receivedDate].valueDate = "2026-11-05"
* identifier[0].system = "http://acme-health.example.org/um-review"
* identifier[0].value = "ACME-UM-558812"
* status = #active
* type = $claim-type#professional
* use = #preauthorization
* patient = Reference(maya-okafor)
* created = "2026-11-02T15:20:00-05:00"
* insurer = Reference(acme-health-plan)
* requestor = Reference(lakeside-neurology)
// The original request was sent from the EHR; Recourse knows it by its PAS trace number only.
* request.identifier.system = "http://lakeside-neuro.example.org/pa-request"
* request.identifier.value = "LN-PA-2026-10-0917"
* outcome = #complete
* disposition = "Not certified: off-label use."
* item[0].itemSequence = 1
* item[0].noteNumber[0] = 1
* item[0].adjudication[0].extension[reviewAction].extension[number].valueString = "ACME-UM-558812"
* item[0].adjudication[0].extension[reviewAction].extension[code].valueCodeableConcept = $X12-306#A3 "Not Certified"
* item[0].adjudication[0].category = $adjudication#submitted
* item[0].adjudication[0].reason = $CARC#50 "These are non-covered services because this is not deemed a 'medical necessity' by the payer."
* processNote[0].number = 1
* processNote[0].type = #print
* processNote[0].text = "Ocrelizumab is not FDA-approved for members under 18 years of age. The requested use is off-label and does not meet Clinical Policy CP-0412 (Ocrelizumab), criterion 2."
* insurance[0].sequence = 1
* insurance[0].focal = true
* insurance[0].coverage = Reference(maya-coverage)

// --- Case ------------------------------------------------------------------------------------------
Instance: ocrevus-offlabel-case
InstanceOf: RecourseCase
Title: "Case: appeal of the ocrelizumab denial"
Description: "The case for the denial: drafting an internal appeal; the 180-day ERISA filing window ends 2027-05-04."
* extension[planRegime].valueCodeableConcept = PlanRegime#erisa-insured "ERISA insured"
* extension[denialCategory][0].valueCodeableConcept = DenialCategory#off-label "Off-label use"
* extension[denialCategory][1].valueCodeableConcept = DenialCategory#medical-necessity "Medical necessity"
* extension[pathway].valueCodeableConcept = Pathway#internal-appeal "Internal appeal"
* status = #in-progress
* businessStatus = CaseStage#drafting "Drafting"
* priority = #routine
* focus = Reference(ocrevus-offlabel)
* for = Reference(maya-okafor)
* authoredOn = "2026-11-05T09:12:00-05:00"
* lastModified = "2026-11-09T16:40:00-05:00"
* owner = Reference(lakeside-neurology)
* restriction.period.end = "2027-05-04"
* output[criteriaMap].type = ArtifactType#criteria-map
* output[criteriaMap].valueReference = Reference(ocrevus-offlabel-criteria-map)
* output[letter][0].type = ArtifactType#letter
* output[letter][0].valueReference = Reference(ocrevus-appeal-letter)

// --- Coverage policy -------------------------------------------------------------------------------
Instance: acme-ocrelizumab-policy
InstanceOf: RecourseCoveragePolicy
Title: "Policy: Acme CP-0412 Ocrelizumab"
Description: "Acme Health Plan's ocrelizumab coverage policy as a DTR Questionnaire with three criteria."
* url = "http://recourse.dev/fhir/Questionnaire/acme-ocrelizumab-policy"
* version = "2026.1"
* name = "AcmeOcrelizumabPolicy"
* title = "Acme Health Plan Clinical Policy CP-0412: Ocrelizumab (Ocrevus)"
* status = #active
* subjectType = #Patient
* date = "2026-01-01"
* publisher = "Acme Health Plan"
* effectivePeriod.start = "2026-01-01"
* text.status = #generated
* text.div = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Acme CP-0412 Ocrelizumab, version 2026.1. Criteria: (1) relapsing form of MS confirmed by a neurologist; (2) 18 years of age or older; (3) inadequate response to or intolerance of at least one other disease-modifying therapy.</p></div>"
* extension[applicability].extension[payer].valueReference = Reference(acme-health-plan)
* extension[applicability].extension[productOrService][0].valueCodeableConcept = $HCPCS#J2350 "Injection, ocrelizumab, 1 mg"
* extension[applicability].extension[productOrService][1].valueCodeableConcept = $RXNORM#1876380 "10 ML ocrelizumab 30 MG/ML Injection"
* extension[applicability].extension[diagnosis][0].valueCodeableConcept = $ICD10CM#G35.A "Relapsing-remitting multiple sclerosis"
* extension[applicability].extension[policyId].valueString = "CP-0412"
* extension[applicability].extension[policyVersion].valueString = "2026.1"
* extension[applicability].extension[effectiveDate].valueDate = "2026-01-01"
* extension[applicability].extension[source].valueUri = "https://acme-health.example.org/policies/cp-0412"
* item[0].linkId = "ms-diagnosis"
* item[0].extension[criterionId].valueString = "CP-0412-1"
* item[0].text = "The member has a diagnosis of a relapsing form of multiple sclerosis confirmed by a neurologist."
* item[0].type = #boolean
* item[0].required = true
* item[1].linkId = "age"
* item[1].extension[criterionId].valueString = "CP-0412-2"
* item[1].text = "The member is 18 years of age or older."
* item[1].type = #boolean
* item[1].required = true
* item[2].linkId = "prior-dmt"
* item[2].extension[criterionId].valueString = "CP-0412-3"
* item[2].text = "The member has had an inadequate response to, or intolerance of, at least one other disease-modifying therapy for multiple sclerosis."
* item[2].type = #boolean
* item[2].required = true

// --- Criteria map ----------------------------------------------------------------------------------
Instance: ocrevus-offlabel-criteria-map
InstanceOf: RecourseCriteriaMap
Title: "Criteria map: CP-0412 against Maya's chart"
Description: "Criteria 1 and 3 met (3 confirmed by the prescriber), criterion 2 (age) not met: the off-label ground the appeal argues against."
* extension[context][0].valueReference.type = "Coverage"
* extension[context][0].valueReference.identifier.system = "http://acme-health.example.org/member-id"
* extension[context][0].valueReference.identifier.value = "AHP-7734120-02"
* extension[context][1].valueReference.type = "MedicationRequest"
* extension[context][1].valueReference.identifier.system = "http://lakeside-neuro.example.org/order"
* extension[context][1].valueReference.identifier.value = "ORD-2026-10-44817"
* extension[intendedUse].valueCodeableConcept = http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp#withpa "Include in prior authorization"
* questionnaire = "http://recourse.dev/fhir/Questionnaire/acme-ocrelizumab-policy|2026.1"
* status = #completed
* subject = Reference(maya-okafor)
* authored = "2026-11-08T11:05:00-05:00"
* author = Reference(dr-ana-chen)
* item[0].linkId = "ms-diagnosis"
* item[0].extension[criterionId].valueString = "CP-0412-1"
* item[0].text = "The member has a diagnosis of a relapsing form of multiple sclerosis confirmed by a neurologist."
* item[0].answer[0].valueBoolean = true
* item[0].answer[0].extension[origin].extension[source].valueCode = #auto
* item[0].answer[0].extension[criterionStatus].valueCodeableConcept = CriterionStatus#met "Met"
* item[0].answer[0].extension[evidence][0].valueReference = Reference(relapsing-ms)
* item[0].answer[0].extension[evidence][1].valueReference = Reference(mri-brain-evidence)
* item[1].linkId = "age"
* item[1].extension[criterionId].valueString = "CP-0412-2"
* item[1].text = "The member is 18 years of age or older."
* item[1].answer[0].valueBoolean = false
* item[1].answer[0].extension[origin].extension[source].valueCode = #auto
* item[1].answer[0].extension[criterionStatus].valueCodeableConcept = CriterionStatus#not-met "Not met"
* item[1].answer[0].extension[evidence][0].valueReference = Reference(maya-okafor)
* item[2].linkId = "prior-dmt"
* item[2].extension[criterionId].valueString = "CP-0412-3"
* item[2].text = "The member has had an inadequate response to, or intolerance of, at least one other disease-modifying therapy for multiple sclerosis."
* item[2].answer[0].valueBoolean = true
* item[2].answer[0].extension[origin].extension[source].valueCode = #override
* item[2].answer[0].extension[origin].extension[author].extension[practitioner].valueReference = Reference(dr-ana-chen)
* item[2].answer[0].extension[criterionStatus].valueCodeableConcept = CriterionStatus#met "Met"
* item[2].answer[0].extension[evidence][0].valueReference = Reference(dmt-history-note)
