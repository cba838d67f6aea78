package dev.recourse.ehr.timeline;

/** A therapeutic class as payers' criteria name it, e.g. {@code tnf-inhibitor} "TNF inhibitor". */
public record DrugClass(String code, String display) {
}
