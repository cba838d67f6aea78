package dev.recourse.ehr.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** A third-party chart (US Core / Synthea patient 85: 13 MedicationRequests, 2 MedicationDispenses). */
class UsCoreBundleTimelineTest {

    @Test
    void syntheaPatient_givesSensibleEpisodes() throws IOException {
        List<Resource> chart = load("/fixtures/ehr/Bundle-uscore-patient-85.json");
        Set<String> present = chart.stream().map(References::of).collect(Collectors.toSet());

        List<TherapyEpisode> episodes = new PriorTherapyTimeline().build(chart, LocalDate.of(2025, 1, 1));

        assertThat(episodes).isNotEmpty();
        assertThat(episodes).allSatisfy(episode -> {
            assertThat(episode.sources()).isNotEmpty().allMatch(present::contains);
            episode.end().ifPresent(end -> assertThat(end).isAfterOrEqualTo(episode.start()));
            assertThat(episode.days()).isPositive();
            assertThat(episode.outcomeBasis()).isNotBlank();
        });
        assertThat(episodes).extracting(TherapyEpisode::start).isSorted();
        assertThat(episodes).flatExtracting(TherapyEpisode::sources)
                .filteredOn(source -> source.startsWith("Medication")).isNotEmpty()
                .contains("Medication/58f7a300-f288-6094-a82f-e1e64086902b");
    }

    private static List<Resource> load(String path) throws IOException {
        try (InputStream in = UsCoreBundleTimelineTest.class.getResourceAsStream(path)) {
            Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in);
            return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        }
    }
}
