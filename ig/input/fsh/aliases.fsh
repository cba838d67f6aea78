// Canonical prefixes used across the guide.
// Profiles we derive from or point to.
Alias: $PASClaim = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim
Alias: $PASClaimResponse = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claimresponse
Alias: $PASDocumentReference = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-documentreference
Alias: $PASRequestBundle = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-request-bundle
Alias: $PASBeneficiary = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-beneficiary
Alias: $PASInsurer = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-insurer
Alias: $PASRequestor = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-requestor
Alias: $PASPractitioner = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-practitioner
Alias: $PASCoverage = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-coverage
Alias: $PASMedicationRequest = http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-medicationrequest
Alias: $DTRStdQuestionnaire = http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-std-questionnaire
Alias: $DTRQuestionnaireResponse = http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-questionnaireresponse
Alias: $USCorePatient = http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient
Alias: $USCoreCondition = http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns

// Code systems of others, written as PAS and DESIGN.md §2 write them.
Alias: $X12-306 = https://codesystem.x12.org/005010/306
Alias: $X12-886 = https://codesystem.x12.org/external/886
Alias: $X12-1322 = https://codesystem.x12.org/005010/1322
Alias: $X12-1525 = https://codesystem.x12.org/005010/1525
Alias: $X12-1365 = https://codesystem.x12.org/005010/1365
Alias: $X12-755 = https://codesystem.x12.org/005010/755
Alias: $X12-756 = https://codesystem.x12.org/005010/756
Alias: $CARC = https://x12.org/codes/claim-adjustment-reason-codes
Alias: $RARC = https://x12.org/codes/remittance-advice-remark-codes
Alias: $NCPDP = http://terminology.hl7.org/CodeSystem/NCPDPRejectCode
Alias: $SOPT = https://nahdo.org/sopt
Alias: $PASTemp = http://hl7.org/fhir/us/davinci-pas/CodeSystem/PASTempCodes
Alias: $DTRTemp = http://hl7.org/fhir/us/davinci-dtr/CodeSystem/temp
Alias: $POS = https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set
Alias: $HCPCS = http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets
Alias: $ICD10CM = http://hl7.org/fhir/sid/icd-10-cm
Alias: $RXNORM = http://www.nlm.nih.gov/research/umls/rxnorm
Alias: $SCT = http://snomed.info/sct
Alias: $LOINC = http://loinc.org
Alias: $NPI = http://hl7.org/fhir/sid/us-npi
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $claim-type = http://terminology.hl7.org/CodeSystem/claim-type
Alias: $adjudication = http://terminology.hl7.org/CodeSystem/adjudication
Alias: $processpriority = http://terminology.hl7.org/CodeSystem/processpriority
Alias: $coverage-class = http://terminology.hl7.org/CodeSystem/coverage-class
Alias: $subscriber-relationship = http://terminology.hl7.org/CodeSystem/subscriber-relationship
Alias: $doc-category = http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category
Alias: $ucum = http://unitsofmeasure.org
Alias: $dar = http://terminology.hl7.org/CodeSystem/data-absent-reason
Alias: $docreason = http://terminology.hl7.org/CodeSystem/v3-ActReason
