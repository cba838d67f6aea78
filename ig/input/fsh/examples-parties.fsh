// Scenario: Maya Okafor, 16, has relapsing MS. Her neurologist ordered ocrelizumab infusions; her employer's fully
// insured commercial plan denied the prior authorization because ocrelizumab is not FDA-approved under 18 (off-label).
// These are the parties and chart resources the Recourse examples point to. They conform to the PAS profiles
// the PAS request Bundle requires (which build on US Core 7.0.0) and to US Core 6.1.0.

Alias: $ex-base = http://recourse.example.org/fhir

Instance: maya-okafor
InstanceOf: $PASBeneficiary
Title: "Patient Maya Okafor"
Description: "The patient: 16 years old, member of Acme Health Plan."
* identifier[0].system = "http://acme-health.example.org/member-id"
* identifier[0].value = "AHP-7734120-02"
* name[0].family = "Okafor"
* name[0].given[0] = "Maya"
* gender = #female
* birthDate = "2010-03-14"
* address[0].line[0] = "41 Harbor Lane"
* address[0].city = "Portland"
* address[0].state = "ME"
* address[0].postalCode = "04101"

Instance: daniel-okafor
InstanceOf: $PASSubscriber
Title: "Patient Daniel Okafor"
Description: "The subscriber: Maya's father, employee of the plan sponsor."
* identifier[0].system = "http://acme-health.example.org/member-id"
* identifier[0].value = "AHP-7734120-01"
* name[0].family = "Okafor"
* name[0].given[0] = "Daniel"
* gender = #male
* birthDate = "1981-08-30"

Instance: acme-health-plan
InstanceOf: $PASInsurer
Title: "Organization Acme Health Plan"
Description: "The payer."
* active = true
* name = "Acme Health Plan"
* identifier[NAIC].system = "urn:oid:2.16.840.1.113883.6.300"
* identifier[NAIC].value = "99999"
* telecom[0].system = #phone
* telecom[0].value = "+1-800-555-0100"
* address[0].line[0] = "1 Insurance Plaza"
* address[0].city = "Hartford"
* address[0].state = "CT"
* address[0].postalCode = "06101"
* address[0].country = "US"

Instance: lakeside-neurology
InstanceOf: $PASRequestor
Title: "Organization Lakeside Neurology"
Description: "The requesting provider organization."
* active = true
* name = "Lakeside Neurology"
* identifier[NPI].system = $NPI
* identifier[NPI].value = "1234567893"
* telecom[0].system = #phone
* telecom[0].value = "+1-207-555-0142"
* address[0].line[0] = "200 Lakeside Drive"
* address[0].city = "Portland"
* address[0].state = "ME"
* address[0].postalCode = "04102"
* address[0].country = "US"

Instance: dr-ana-chen
InstanceOf: $PASPractitioner
Title: "Practitioner Ana Chen, MD"
Description: "The prescribing neurologist."
* identifier[NPI].system = $NPI
* identifier[NPI].value = "1987654328"
* name[0].family = "Chen"
* name[0].given[0] = "Ana"
* name[0].suffix[0] = "MD"

Instance: maya-coverage
InstanceOf: $PASCoverage
Title: "Coverage of Maya Okafor"
Description: "Employer group coverage, fully insured (ERISA insured), as a dependent of her parent."
* extension[+].url = "http://recourse.dev/fhir/StructureDefinition/plan-regime"
* extension[=].valueCodeableConcept = PlanRegime#erisa-insured "ERISA insured"
* identifier[memberid].type = $v2-0203#MB
* identifier[memberid].system = "http://acme-health.example.org/member-id"
* identifier[memberid].value = "AHP-7734120-02"
* status = #active
* type = $SOPT#512 "Commercial Managed Care - PPO"
* subscriberId = "AHP-7734120"
* subscriber = Reference(daniel-okafor)
* beneficiary = Reference(maya-okafor)
* relationship = $subscriber-relationship#child "Child"
* period.start = "2026-01-01"
* payor[0] = Reference(acme-health-plan)
* class[group].type = $coverage-class#group
* class[group].value = "GRP-55102"
* class[group].name = "Harbor Shipping Co. employees"
* class[plan].type = $coverage-class#plan
* class[plan].value = "PPO-GOLD"
* class[plan].name = "Acme PPO Gold"

Instance: relapsing-ms
InstanceOf: $USCoreCondition
Title: "Condition relapsing-remitting multiple sclerosis"
Description: "Maya's diagnosis, on her problem list."
* clinicalStatus = http://terminology.hl7.org/CodeSystem/condition-clinical#active
* verificationStatus = http://terminology.hl7.org/CodeSystem/condition-ver-status#confirmed
* category[0] = http://terminology.hl7.org/CodeSystem/condition-category#problem-list-item
* code = $ICD10CM#G35.A "Relapsing-remitting multiple sclerosis"
* code.text = "Relapsing-remitting multiple sclerosis, pediatric onset"
* subject = Reference(maya-okafor)
* onsetDateTime = "2025-06-02"
* recordedDate = "2025-06-20"

Instance: ocrelizumab-order
InstanceOf: $PASMedicationRequest
Title: "MedicationRequest ocrelizumab"
Description: "The order that was denied: ocrelizumab 300 mg IV on day 1 and day 15, then 600 mg every 6 months."
* identifier[0].system = "http://lakeside-neuro.example.org/order"
* identifier[0].value = "ORD-2026-10-44817"
* status = #active
* intent = #order
* medicationCodeableConcept = $RXNORM#1876380 "10 ML ocrelizumab 30 MG/ML Injection"
* medicationCodeableConcept.text = "ocrelizumab (Ocrevus) 30 mg/mL injection for IV infusion"
* subject = Reference(maya-okafor)
* authoredOn = "2026-10-20"
* requester = Reference(dr-ana-chen)
* reasonReference[0] = Reference(relapsing-ms)
* dosageInstruction[0].text = "300 mg IV on day 1 and day 15, then 600 mg IV every 6 months"
