package dev.recourse.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseOpenerTest {

	@Test
	void caseId_isTheDenialsIdPrefixed() {
		assertThat(CaseOpener.caseId("RejectionResponseExample")).isEqualTo("case-RejectionResponseExample");
	}

	@Test
	void caseId_ofALongDenialId_isAStableHashWithinFhirsLimit() {
		String longId = "d".repeat(64);

		assertThat(CaseOpener.caseId(longId)).hasSizeLessThanOrEqualTo(64).startsWith("case-")
				.isEqualTo(CaseOpener.caseId(longId))
				.isNotEqualTo(CaseOpener.caseId("e".repeat(64)));
	}
}
