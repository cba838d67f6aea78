package dev.recourse.ehr.timeline;

import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;

/**
 * What an episode is about: a listed ingredient from the drug table, or, for a drug the table does not list,
 * the record's own coding or text, so that no record is dropped.
 *
 * @param key groups records into one ingredient: {@code system|code}, or {@code text|name} without a code
 */
record Ingredient(String key, Coding coding, Optional<IngredientRule> rule) {

    static Ingredient listed(IngredientRule rule) {
        return new Ingredient(MedicationConcept.RXNORM + "|" + rule.rxcui(), rule.coding(), Optional.of(rule));
    }

    static Ingredient unlisted(MedicationConcept concept) {
        String label = concept.label();
        Coding coding = concept.preferredCoding().map(Coding::copy).orElseGet(Coding::new);
        if (!coding.hasDisplay()) {
            coding.setDisplay(label);
        }
        String key = coding.hasCode() ? coding.getSystem() + "|" + coding.getCode()
                : "text|" + label.toLowerCase(Locale.ROOT);
        return new Ingredient(key, coding, Optional.empty());
    }

    Optional<DrugClass> drugClass() {
        return rule.map(IngredientRule::drugClass);
    }

    String name() {
        return coding.getDisplay();
    }

    /** The same test as for medication records, so an allergy "to Humira" counts for adalimumab. */
    boolean matches(MedicationConcept concept) {
        if (rule.isPresent()) {
            return rule.get().matches(concept);
        }
        return concept.hasCoding(coding.getSystem(), coding.getCode())
                || concept.mentions(MedicationConcept.wholeWord(coding.getDisplay()));
    }
}
