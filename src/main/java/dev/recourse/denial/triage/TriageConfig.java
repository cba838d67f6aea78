package dev.recourse.denial.triage;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link DenialTriage} per server: loading it reads and checks every rule file once, at start-up. */
@Configuration
class TriageConfig {

	@Bean
	DenialTriage denialTriage() {
		return DenialTriage.load(Clock.systemUTC());
	}
}
