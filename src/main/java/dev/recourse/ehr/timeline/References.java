package dev.recourse.ehr.timeline;

import org.hl7.fhir.instance.model.api.IBaseResource;

/** Relative references ({@code Type/id}) for the sources of an episode. */
final class References {

    private static final String UUID_PREFIX = "urn:uuid:";

    private References() {
    }

    /** Bundles from EHRs often carry ids only as {@code urn:uuid:} full URLs; the uuid is then the id. */
    static String of(IBaseResource resource) {
        String id = resource.getIdElement().getIdPart();
        if (id != null && id.startsWith(UUID_PREFIX)) {
            id = id.substring(UUID_PREFIX.length());
        }
        return resource.fhirType() + "/" + (id == null ? "(no id)" : id);
    }
}
