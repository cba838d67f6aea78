/**
 * Patient assistance: the manufacturer copay, free-drug, bridge and foundation programmes for a case's drug
 * (rules/assistance-programs.yaml), offered when the case's triage opens the patient-assistance-program pathway and
 * filtered by its plan regime (rules/assistance-rules.yaml: copay cards withheld for federal health care programmes,
 * with the Anti-Kickback caveat), and the application checklist Task a specialist ticks item by item.
 */
package dev.recourse.assistance;
