package dev.recourse.ehr.timeline;

import dev.recourse.denial.Citation;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;

/**
 * One row of {@code rules/drug-classes.yaml}: an RxNorm ingredient, the names it goes by, and its class.
 * A record matches on the ingredient code or on any of the names as whole words, because the code may be
 * unconfirmed and EHRs mostly send clinical-drug codes whose display names the ingredient.
 */
record IngredientRule(String rxcui, String name, List<String> synonyms, DrugClass drugClass, Citation citation) {

    IngredientRule {
        synonyms = List.copyOf(synonyms);
    }

    boolean matches(MedicationConcept concept) {
        return concept.hasRxNormCode(rxcui)
                || names().stream().map(MedicationConcept::wholeWord).anyMatch(concept::mentions);
    }

    Coding coding() {
        return new Coding(MedicationConcept.RXNORM, rxcui, name);
    }

    List<String> names() {
        return Stream.concat(Stream.of(name), synonyms.stream()).toList();
    }
}
