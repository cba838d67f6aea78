package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevIssuerGuardTest {

	@Test
	void refusesPostgres_unlessAllowed() {
		assertThatThrownBy(() -> guard(false, "jdbc:postgresql://db:5432/recourse").check())
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("RECOURSE_SECURITY_DEV_ISSUER_ALLOW_POSTGRES");
		assertThatCode(() -> guard(true, "jdbc:postgresql://db:5432/recourse").check()).doesNotThrowAnyException();
	}

	@Test
	void runsOnTheEmbeddedDefault() {
		assertThatCode(() -> guard(false, "jdbc:h2:file:./data/recourse").check()).doesNotThrowAnyException();
	}

	private static DevIssuerGuard guard(boolean allowPostgres, String url) {
		return new DevIssuerGuard(new DevIssuerProperties(null, null, List.of(), null, allowPostgres, null, null, null), url);
	}
}
