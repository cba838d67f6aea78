// One value set per Recourse code system (all codes), plus the few narrower sets profiles bind to.

RuleSet: RecourseValueSet(id, title)
* ^url = "http://recourse.dev/fhir/ValueSet/{id}"
* ^name = "{title}"
* ^status = #active
* ^experimental = false
* ^publisher = "Recourse"

ValueSet: DenialCategoryVS
Id: denial-category
Title: "Denial categories"
Description: "All denial categories."
* insert RecourseValueSet(denial-category, DenialCategoryVS)
* include codes from system DenialCategory

ValueSet: PathwayVS
Id: pathway
Title: "Pathways"
Description: "All pathways past a denial."
* insert RecourseValueSet(pathway, PathwayVS)
* include codes from system Pathway

ValueSet: PlanRegimeVS
Id: plan-regime
Title: "Plan regimes"
Description: "All plan regimes."
* insert RecourseValueSet(plan-regime, PlanRegimeVS)
* include codes from system PlanRegime

ValueSet: CaseStageVS
Id: case-stage
Title: "Case stages"
Description: "All case stages."
* insert RecourseValueSet(case-stage, CaseStageVS)
* include codes from system CaseStage

ValueSet: CriterionStatusVS
Id: criterion-status
Title: "Criterion statuses"
Description: "All criterion statuses."
* insert RecourseValueSet(criterion-status, CriterionStatusVS)
* include codes from system CriterionStatus

ValueSet: EvidenceTypeVS
Id: evidence-type
Title: "Evidence types"
Description: "All evidence types."
* insert RecourseValueSet(evidence-type, EvidenceTypeVS)
* include codes from system EvidenceType

ValueSet: ExceptionTypeVS
Id: exception-type
Title: "Exception types"
Description: "All exception types."
* insert RecourseValueSet(exception-type, ExceptionTypeVS)
* include codes from system ExceptionType

ValueSet: RecourseErrorVS
Id: recourse-error
Title: "Recourse errors"
Description: "All Recourse error codes."
* insert RecourseValueSet(recourse-error, RecourseErrorVS)
* include codes from system RecourseError

ValueSet: DecisionLevelVS
Id: decision-level
Title: "Decision levels"
Description: "The level of the decision being triaged ($triage `decisionLevel`): the first denial, an internal appeal decision, or the plan's final internal decision."
* insert RecourseValueSet(decision-level, DecisionLevelVS)
* include codes from system DecisionLevel

CodeSystem: DecisionLevel
Id: decision-level
Title: "Decision level"
Description: "The level of a payer decision, which decides which pathways remain."
* insert RecourseCodeSystem(decision-level, DecisionLevel)
* #initial "Initial" "The payer's first decision on the request (an adverse benefit determination)."
* #internal-appeal "Internal appeal" "A decision on an internal appeal that is not yet the plan's final internal decision."
* #final-internal "Final internal" "The plan's final internal adverse decision; external or regulator routes remain."

// X12 1322 as PAS writes it; an appeal is filed as 1 (immediate) or 2 (standard). Codes are licensed by X12,
// so only the two we use are listed.
ValueSet: AppealCertificationTypeVS
Id: appeal-certification-type
Title: "Appeal certification types"
Description: "X12 1322 certification type codes that mark a PAS request as an appeal."
* insert RecourseValueSet(appeal-certification-type, AppealCertificationTypeVS)
* $X12-1322#1 "Appeal - Immediate"
* $X12-1322#2 "Appeal - Standard"

// The X12 306 decisions a denial carries, and what $decide accepts.
ValueSet: ReviewActionDecisionVS
Id: review-action-decision
Title: "Review action decisions"
Description: "X12 306 action codes Recourse reads and writes: A1 certified in total, A3 not certified, A4 pended, A6 modified."
* insert RecourseValueSet(review-action-decision, ReviewActionDecisionVS)
* $X12-306#A1 "Certified in total"
* $X12-306#A3 "Not Certified"
* $X12-306#A4 "Pended"
* $X12-306#A6 "Modified"

ValueSet: DenialReasonVS
Id: denial-reason
Title: "Denial reasons"
Description: "Code systems a denial reason may come from: X12 886 review decision reasons, X12 CARC and RARC, NCPDP reject codes."
* insert RecourseValueSet(denial-reason, DenialReasonVS)
* include codes from system $X12-886
* include codes from system $CARC
* include codes from system $RARC
* include codes from system $NCPDP

ValueSet: ArtifactTypeVS
Id: artifact-type
Title: "Artifact types"
Description: "All Recourse artifact types."
* insert RecourseValueSet(artifact-type, ArtifactTypeVS)
* include codes from system ArtifactType

ValueSet: CompendiumRatingVS
Id: compendium-rating
Title: "Compendium ratings"
Description: "All compendium ratings."
* insert RecourseValueSet(compendium-rating, CompendiumRatingVS)
* include codes from system CompendiumRating

ValueSet: PeerToPeerOutcomeVS
Id: peer-to-peer-outcome
Title: "Peer-to-peer outcomes"
Description: "All peer-to-peer outcomes."
* insert RecourseValueSet(peer-to-peer-outcome, PeerToPeerOutcomeVS)
* include codes from system PeerToPeerOutcome

ValueSet: AssistanceDocumentVS
Id: assistance-document
Title: "Assistance application items"
Description: "All items of a patient assistance application checklist."
* insert RecourseValueSet(assistance-document, AssistanceDocumentVS)
* include codes from system AssistanceDocument
