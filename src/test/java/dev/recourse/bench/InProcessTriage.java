package dev.recourse.bench;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.denial.triage.DenialTriage;
import dev.recourse.denial.triage.TriageRequest;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;

/** Triage throughput without HTTP or a server: the domain alone, on one thread, in the driver's JVM. */
final class InProcessTriage {
	private static final int WARM_UP = 2_000;
	private static final int MEASURED = 20_000;

	private InProcessTriage() {}

	static Map<String, Object> measure() throws Exception {
		FhirContext fhir = FhirContext.forR4Cached();
		ClaimResponse denial = read(fhir, ClaimResponse.class, "/profiles/ClaimResponse-ocrevus-offlabel.json");
		Coverage coverage = read(fhir, Coverage.class, "/profiles/Coverage-maya-coverage.json");
		DenialTriage triage = DenialTriage.load(Clock.systemUTC());
		TriageRequest request = TriageRequest.of(denial, coverage, "Ocrevus is not FDA-approved for this use.");
		for (int i = 0; i < WARM_UP; i++) {
			triage.triage(request);
		}
		long start = System.nanoTime();
		for (int i = 0; i < MEASURED; i++) {
			triage.triage(request);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("triages", MEASURED);
		result.put("perSecond", Math.round(MEASURED / seconds));
		result.put("meanMicros", Math.round(seconds * 1e6 / MEASURED));
		return result;
	}

	private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T read(FhirContext fhir, Class<T> type, String path)
			throws Exception {
		try (InputStream in = InProcessTriage.class.getResourceAsStream(path)) {
			return fhir.newJsonParser().parseResource(type, in);
		}
	}
}
