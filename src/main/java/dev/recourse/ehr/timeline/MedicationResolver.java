package dev.recourse.ehr.timeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds the Medication behind a {@code medicationReference}: one the parser already attached, one contained
 * in the record ({@code #id}), or one elsewhere in the chart by {@code Medication/id} or {@code urn:uuid:} URL.
 */
final class MedicationResolver {

    private final Map<String, Medication> byReference = new HashMap<>();

    MedicationResolver(Collection<? extends IBaseResource> chart) {
        for (IBaseResource resource : chart) {
            if (resource instanceof Medication medication && !medication.getIdElement().isEmpty()) {
                byReference.putIfAbsent(References.of(medication), medication);
                byReference.putIfAbsent(medication.getIdElement().getValue(), medication);
            }
        }
    }

    Optional<Medication> resolve(Reference reference, DomainResource owner) {
        if (reference.getResource() instanceof Medication attached) {
            return Optional.of(attached);
        }
        String value = reference.getReference();
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.startsWith("#")) {
            return contained(owner, value.substring(1));
        }
        return Optional.ofNullable(byReference.get(value))
                .or(() -> Optional.ofNullable(byReference.get(relative(value))));
    }

    private static Optional<Medication> contained(DomainResource owner, String id) {
        for (Resource resource : owner.getContained()) {
            String containedId = resource.getIdElement().getIdPart();
            if (resource instanceof Medication medication && containedId != null
                    && id.equals(containedId.startsWith("#") ? containedId.substring(1) : containedId)) {
                return Optional.of(medication);
            }
        }
        return Optional.empty();
    }

    private static String relative(String value) {
        if (value.startsWith("urn:uuid:")) {
            return "Medication/" + value.substring("urn:uuid:".length());
        }
        IdType id = new IdType(value);
        return "Medication/" + id.getIdPart();
    }
}
