/**
 * Casework: the case Task (RecourseCase) that follows one denial from triage to decision — opening it
 * once per denial, its stage and its next hard deadline — and the worklist, which is plain FHIR search
 * on those Tasks ordered by the {@code deadline} SearchParameter.
 */
package dev.recourse.casework;
