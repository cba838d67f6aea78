// The worklist is plain FHIR search: GET Task?code=recourse-case&status=...&_sort=deadline
Instance: deadline
InstanceOf: SearchParameter
Usage: #definition
Title: "Task deadline"
Description: "The next hard deadline of a case: Task.restriction.period.end."
* url = "http://recourse.dev/fhir/SearchParameter/deadline"
* name = "TaskDeadline"
* status = #active
* publisher = "Recourse"
* description = "The next hard deadline of a case (Task.restriction.period.end); sort the worklist with _sort=deadline."
* code = #deadline
* base[0] = #Task
* type = #date
* expression = "Task.restriction.period.end"
* xpath = "f:Task/f:restriction/f:period/f:end"
* xpathUsage = #normal
* comparator[0] = #eq
* comparator[+] = #ne
* comparator[+] = #gt
* comparator[+] = #lt
* comparator[+] = #ge
* comparator[+] = #le
* comparator[+] = #sa
* comparator[+] = #eb
* comparator[+] = #ap

// Submissions whose payer decision is (over)due: Task?code=task-type|submission&decision-due=lt<now>
Instance: decision-due
InstanceOf: SearchParameter
Usage: #definition
Title: "Submission decision due"
Description: "When the payer's decision on a pended submission is due (extension submission-decision-due)."
* url = "http://recourse.dev/fhir/SearchParameter/decision-due"
* name = "TaskDecisionDue"
* status = #active
* publisher = "Recourse"
* description = "When the payer's decision on a pended submission is due (extension submission-decision-due); finds the clocks that ran out."
* code = #decision-due
* base[0] = #Task
* type = #date
* expression = "Task.extension('http://recourse.dev/fhir/StructureDefinition/submission-decision-due').value"
* xpathUsage = #normal
* comparator[0] = #eq
* comparator[+] = #ne
* comparator[+] = #gt
* comparator[+] = #lt
* comparator[+] = #ge
* comparator[+] = #le
* comparator[+] = #sa
* comparator[+] = #eb
* comparator[+] = #ap
