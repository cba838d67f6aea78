package dev.recourse.server;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.conformance.ConformanceValidator;
import dev.recourse.letter.LetterRenderer;
import java.io.IOException;
import java.io.InputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first PDF render (openhtmltopdf, fonts) and the first validation against the PAS profiles (snapshots,
 * FHIRPath) cost 8 and 10 s on the packet benchmark's cold case: paid once in the background after start-up, not by
 * the first specialist's $draft-letter and $assemble. The guide's example packet is what is validated.
 */
@Component
class WarmUp {
	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
	static final String EXAMPLE_PACKET = "profiles/Bundle-ocrevus-appeal-packet.json";

	private final ConformanceValidator validator;
	private final LetterRenderer renderer;
	private final FhirContext fhirContext;
	private final boolean enabled;

	WarmUp(ConformanceValidator validator, LetterRenderer renderer, FhirContext fhirContext,
			@Value("${recourse.warm-up.enabled:true}") boolean enabled) {
		this.validator = validator;
		this.renderer = renderer;
		this.fhirContext = fhirContext;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!enabled) {
			return;
		}
		Thread thread = new Thread(this::run, "warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	void run() {
		long start = System.nanoTime();
		try {
			renderer.warmUp();
			long rendered = System.nanoTime();
			validator.validate(examplePacket());
			log.info("Warmed up: PDF renderer in {} ms, profile validation in {} ms", (rendered - start) / 1_000_000,
					(System.nanoTime() - rendered) / 1_000_000);
		} catch (RuntimeException | IOException e) {
			// only a head start is lost: the first real request pays instead
			log.warn("Warm-up did not finish: {}", e.toString());
		}
	}

	private Bundle examplePacket() throws IOException {
		try (InputStream in = WarmUp.class.getClassLoader().getResourceAsStream(EXAMPLE_PACKET)) {
			if (in == null) {
				throw new IOException("missing from the class path: " + EXAMPLE_PACKET);
			}
			return fhirContext.newJsonParser().parseResource(Bundle.class, in);
		}
	}
}
