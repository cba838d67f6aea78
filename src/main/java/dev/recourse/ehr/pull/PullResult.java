package dev.recourse.ehr.pull;

import dev.recourse.ehr.timeline.TherapyEpisode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pull did.
 *
 * @param provenanceId the Provenance of what was stored
 * @param counts resources pulled, by type
 * @param unchanged of those, the ones already stored as they are (not written again), by type
 * @param episodes the prior-therapy timeline, oldest first, with sources as stored here
 * @param warnings what could not be pulled or stored, and why
 */
record PullResult(Optional<String> provenanceId, Map<String, Integer> counts, Map<String, Integer> unchanged, List<TherapyEpisode> episodes, List<PullWarning> warnings) {
	PullResult {
		counts = Map.copyOf(counts);
		unchanged = Map.copyOf(unchanged);
		episodes = List.copyOf(episodes);
		warnings = List.copyOf(warnings);
	}
}
