package dev.recourse.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo once the server is up and its EHR and payer Endpoints are registered, before it reports ready: the
 * third-party bundles as they are, then the demo denials with their cases and the demo EHR's charts.
 */
@Component
@Conditional(DemoCondition.class)
class DemoStartup {
	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);
	private final DemoDataLoader bundles;
	private final DemoCases cases;

	DemoStartup(DemoDataLoader bundles, DemoCases cases) {
		this.bundles = bundles;
		this.cases = cases;
	}

	@Order(10)
	@EventListener(ApplicationReadyEvent.class)
	void load() {
		long start = System.nanoTime();
		bundles.load();
		List<String> open = cases.load();
		log.info("Demo ready in {} ms: cases {} on the worklist", (System.nanoTime() - start) / 1_000_000, open);
	}
}
