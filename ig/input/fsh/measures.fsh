// Recourse's denial Measures: what each number of Organization/$denial-metrics means, with its source. The numbers are
// computed by the server's SQL over its metrics read model (see ARCHITECTURE.md, metrics/); each population's
// criteria names that computation in words, language text/x-recourse-metrics.

RuleSet: MetricPopulation(code, text)
* group[=].population[+].code = http://terminology.hl7.org/CodeSystem/measure-population#{code}
* group[=].population[=].criteria.language = #text/x-recourse-metrics
* group[=].population[=].criteria.expression = "{text}"

RuleSet: MetricGroup(code, description)
* group[+].code = http://recourse.dev/fhir/CodeSystem/denial-metric#{code}
* group[=].description = "{description}"

Instance: cms-0057-f-prior-authorization
InstanceOf: Measure
Usage: #definition
Title: "CMS-0057-F prior authorization metrics"
* url = "http://recourse.dev/fhir/Measure/cms-0057-f-prior-authorization"
* name = "Cms0057fPriorAuthorization"
* title = "CMS-0057-F prior authorization metrics"
* status = #active
* experimental = false
* publisher = "Recourse"
* description = "The aggregated prior-authorization metrics impacted payers must post yearly under the CMS Interoperability and Prior Authorization final rule (CMS-0057-F, 89 FR 8758; posting requirement 89 FR 8889): requests approved, denied, approved after appeal, and the average and median time from request to decision, standard and expedited separately. Computed over the PAS requests this server received as the payer (Claim/$submit) and decided (Claim/$decide). Population: requests received in the period whose answer names the organization as insurer. Expedited: Claim.priority stat or X12 1322 certification type 1. Appeal: certification type 1 or 2. Approved: every item A1, or a mix/modification (A2, A6); denied: every item A3."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* relatedArtifact[+].type = #citation
* relatedArtifact[=].citation = "CMS Prior Authorization API FAQ: impacted payers post aggregated prior authorization metrics yearly from 2026 (89 FR 8889); decision timeframes 72 hours expedited, 7 calendar days standard [verified]"
* relatedArtifact[=].url = "https://www.cms.gov/priorities/burden-reduction/overview/interoperability/frequently-asked-questions/prior-authorization-api"
* relatedArtifact[+].type = #citation
* relatedArtifact[=].citation = "Regulation text per programme: 42 CFR 422.122(c) (MA), 42 CFR 438.210(f) (Medicaid managed care), 42 CFR 440.230(e) (Medicaid FFS), 42 CFR 457.732 (CHIP), 45 CFR 156.223 (QHP issuers on FFEs) [U: paragraph numbers from RULES.md and secondary summaries, regulation text not reached]"
* relatedArtifact[+].type = #documentation
* relatedArtifact[=].citation = "A payer's public report in this form (categories approved, denied, approved after appeal, standard and expedited) [verified]"
* relatedArtifact[=].url = "https://www.fallonhealth.org/find-insurance/navicare/HE-reporting"
* insert MetricGroup(pa-approved-standard, [[Standard requests approved in whole or part among those decided.]])
* insert MetricPopulation(initial-population, [[standard requests received in the period]])
* insert MetricPopulation(denominator, [[of those decided]])
* insert MetricPopulation(numerator, [[of those approved in whole or part]])
* insert MetricGroup(pa-denied-standard, [[Standard requests denied among those decided.]])
* insert MetricPopulation(initial-population, [[standard requests received in the period]])
* insert MetricPopulation(denominator, [[of those decided]])
* insert MetricPopulation(numerator, [[of those denied]])
* insert MetricGroup(pa-approved-after-appeal-standard, [[Standard appeal requests approved among the decided appeals.]])
* insert MetricPopulation(initial-population, [[standard requests received in the period]])
* insert MetricPopulation(denominator, [[of those decided appeals]])
* insert MetricPopulation(numerator, [[of those approved in whole or part]])
* insert MetricGroup(pa-approved-expedited, [[Expedited requests approved in whole or part among those decided.]])
* insert MetricPopulation(initial-population, [[expedited requests received in the period]])
* insert MetricPopulation(denominator, [[of those decided]])
* insert MetricPopulation(numerator, [[of those approved in whole or part]])
* insert MetricGroup(pa-denied-expedited, [[Expedited requests denied among those decided.]])
* insert MetricPopulation(initial-population, [[expedited requests received in the period]])
* insert MetricPopulation(denominator, [[of those decided]])
* insert MetricPopulation(numerator, [[of those denied]])
* insert MetricGroup(pa-approved-after-appeal-expedited, [[Expedited appeal requests approved among the decided appeals.]])
* insert MetricPopulation(initial-population, [[expedited requests received in the period]])
* insert MetricPopulation(denominator, [[of those decided appeals]])
* insert MetricPopulation(numerator, [[of those approved in whole or part]])

Instance: recourse-denial-outcomes
InstanceOf: Measure
Usage: #definition
Title: "Denial outcomes and timeliness"
* url = "http://recourse.dev/fhir/Measure/recourse-denial-outcomes"
* name = "RecourseDenialOutcomes"
* title = "Denial outcomes and timeliness"
* status = #active
* experimental = false
* publisher = "Recourse"
* description = "What no payer reports: of the denials an organization received (cases whose denial names it as requestor, by the denial's date), how many were overturned — in total and by payer, denial category, drug or service and pathway — how long it took from the denial to filing, whether filing deadlines were met, and whether payers met their own decision clocks. A case counts once, at its first submission and first decision; partial approvals count as overturned."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* relatedArtifact[+].type = #documentation
* relatedArtifact[=].citation = "Filing deadlines and decision clocks are those triage computes from rules/pathways.yaml and rules/clocks.yaml, each with its citation (see rules/README.md)."
* insert MetricGroup(overturn-rate, [[Decided cases overturned in whole or part among the decided cases.]])
* insert MetricPopulation(initial-population, [[cases whose denial is dated in the period]])
* insert MetricPopulation(denominator, [[of those decided after submission]])
* insert MetricPopulation(numerator, [[of those approved or partially approved]])
* group[=].stratifier[+].code = http://recourse.dev/fhir/CodeSystem/denial-metric#payer
* group[=].stratifier[+].code = http://recourse.dev/fhir/CodeSystem/denial-metric#category
* group[=].stratifier[+].code = http://recourse.dev/fhir/CodeSystem/denial-metric#service
* group[=].stratifier[+].code = http://recourse.dev/fhir/CodeSystem/denial-metric#pathway
* insert MetricGroup(filing-deadline-met, [[Cases filed by the end of their filing deadline's day (UTC) among those filed with a deadline or unfiled past it.]])
* insert MetricPopulation(initial-population, [[cases whose denial is dated in the period]])
* insert MetricPopulation(denominator, [[of those filed with a deadline or unfiled past their deadline]])
* insert MetricPopulation(numerator, [[of those filed by the deadline]])
* insert MetricGroup(decision-clock-met, [[Submissions decided by the payer's decision due time among those decided or past due; empty when no submission carries submission-decision-due.]])
* insert MetricPopulation(initial-population, [[cases whose denial is dated in the period]])
* insert MetricPopulation(denominator, [[of those submitted with a decision due time and decided or past it]])
* insert MetricPopulation(numerator, [[of those decided by the due time]])

Instance: cms-0057-f-decision-time
InstanceOf: Measure
Usage: #definition
Title: "CMS-0057-F prior authorization decision time"
* url = "http://recourse.dev/fhir/Measure/cms-0057-f-decision-time"
* name = "Cms0057fDecisionTime"
* title = "CMS-0057-F prior authorization decision time"
* status = #active
* experimental = false
* publisher = "Recourse"
* description = "The average and median time from a prior-authorization request to the payer's determination that CMS-0057-F has impacted payers post yearly, standard and expedited separately; the companion of cms-0057-f-prior-authorization (same population, same sources), in hours: from the pended answer's created (receipt) to the storage of the first decision."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#continuous-variable
* relatedArtifact[+].type = #citation
* relatedArtifact[=].citation = "CMS Prior Authorization API FAQ: aggregated prior authorization metrics posted yearly (89 FR 8889) [verified]; per-programme regulation paragraphs as in cms-0057-f-prior-authorization [U]"
* relatedArtifact[=].url = "https://www.cms.gov/priorities/burden-reduction/overview/interoperability/frequently-asked-questions/prior-authorization-api"
* insert MetricGroup(pa-decision-time-average-standard, [[Average hours from receipt to decision of decided standard requests.]])
* insert MetricPopulation(initial-population, [[standard requests received in the period]])
* insert MetricPopulation(measure-population, [[of those decided]])
* insert MetricPopulation(measure-observation, [[hours from receipt to decision]])
* insert MetricGroup(pa-decision-time-median-standard, [[Median hours from receipt to decision of decided standard requests.]])
* insert MetricPopulation(initial-population, [[standard requests received in the period]])
* insert MetricPopulation(measure-population, [[of those decided]])
* insert MetricPopulation(measure-observation, [[hours from receipt to decision]])
* insert MetricGroup(pa-decision-time-average-expedited, [[Average hours from receipt to decision of decided expedited requests.]])
* insert MetricPopulation(initial-population, [[expedited requests received in the period]])
* insert MetricPopulation(measure-population, [[of those decided]])
* insert MetricPopulation(measure-observation, [[hours from receipt to decision]])
* insert MetricGroup(pa-decision-time-median-expedited, [[Median hours from receipt to decision of decided expedited requests.]])
* insert MetricPopulation(initial-population, [[expedited requests received in the period]])
* insert MetricPopulation(measure-population, [[of those decided]])
* insert MetricPopulation(measure-observation, [[hours from receipt to decision]])

Instance: recourse-denial-timing
InstanceOf: Measure
Usage: #definition
Title: "Time from denial to filing"
* url = "http://recourse.dev/fhir/Measure/recourse-denial-timing"
* name = "RecourseDenialTiming"
* title = "Time from denial to filing"
* status = #active
* experimental = false
* publisher = "Recourse"
* description = "How long an organization takes from a denial (the denial's date) to its first submission to the payer, in days; the companion of recourse-denial-outcomes (same population)."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#continuous-variable
* insert MetricGroup(denial-to-submission-average, [[Average days from the denial's date to the first submission.]])
* insert MetricPopulation(initial-population, [[cases whose denial is dated in the period]])
* insert MetricPopulation(measure-population, [[of those submitted]])
* insert MetricPopulation(measure-observation, [[days from the denial date to the first submission]])
* insert MetricGroup(denial-to-submission-median, [[Median days from the denial's date to the first submission.]])
* insert MetricPopulation(initial-population, [[cases whose denial is dated in the period]])
* insert MetricPopulation(measure-population, [[of those submitted]])
* insert MetricPopulation(measure-observation, [[days from the denial date to the first submission]])
