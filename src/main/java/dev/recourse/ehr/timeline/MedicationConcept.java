package dev.recourse.ehr.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * What a record says the drug is: every coding it carries (the product's and, for a Medication, its
 * ingredients') and every human-readable name. EHRs send clinical-drug codes (SCD/SBD) far more often than
 * ingredient codes, so the names matter as much as the codes.
 */
record MedicationConcept(List<Coding> codings, List<String> texts) {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    MedicationConcept {
        codings = List.copyOf(codings);
        texts = texts.stream().filter(text -> text != null && !text.isBlank()).map(String::trim).distinct().toList();
    }

    static MedicationConcept of(CodeableConcept concept) {
        return empty().plus(concept);
    }

    static MedicationConcept empty() {
        return new MedicationConcept(List.of(), List.of());
    }

    MedicationConcept plus(CodeableConcept concept) {
        if (concept == null) {
            return this;
        }
        List<Coding> allCodings = new ArrayList<>(codings);
        List<String> allTexts = new ArrayList<>(texts);
        allCodings.addAll(concept.getCoding());
        allTexts.add(concept.getText());
        concept.getCoding().forEach(coding -> allTexts.add(coding.getDisplay()));
        return new MedicationConcept(allCodings, allTexts);
    }

    MedicationConcept plusText(String text) {
        List<String> allTexts = new ArrayList<>(texts);
        allTexts.add(text);
        return new MedicationConcept(codings, allTexts);
    }

    boolean hasRxNormCode(String code) {
        return codings.stream().anyMatch(coding -> RXNORM.equals(coding.getSystem()) && code.equals(coding.getCode()));
    }

    boolean hasCoding(String system, String code) {
        return code != null && codings.stream().anyMatch(coding -> code.equals(coding.getCode())
                && Objects.equals(system, coding.getSystem()));
    }

    boolean mentions(Pattern wholeWordTerm) {
        return texts.stream().anyMatch(text -> wholeWordTerm.matcher(text).find());
    }

    /** The coding to name an unlisted drug by: RxNorm first, then any coded one. */
    Optional<Coding> preferredCoding() {
        return codings.stream().filter(coding -> RXNORM.equals(coding.getSystem()) && coding.hasCode()).findFirst()
                .or(() -> codings.stream().filter(Coding::hasCode).findFirst());
    }

    String label() {
        return texts.isEmpty() ? preferredCoding().map(Coding::getCode).orElse("unnamed medication") : texts.get(0);
    }

    /** Case-insensitive, and the term must stand as whole words: "Humira" matches "Humira Pen", not "Humiral". */
    static Pattern wholeWord(String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
