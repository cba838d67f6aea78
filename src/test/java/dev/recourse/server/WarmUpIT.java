package dev.recourse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The start-up warm-up finishes: the PDF renderer runs and the guide's example packet validates (as a first packet would). */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpIT extends FhirIntegrationTest {
	@Autowired
	WarmUp warmUp;

	@Test
	void rendersAndValidates_andSaysHowLongEachTook(CapturedOutput output) {
		warmUp.run();

		assertThat(output.getAll()).containsPattern("Warmed up: PDF renderer in \\d+ ms, profile validation in \\d+ ms")
				.doesNotContain("Warm-up did not finish");
	}
}
