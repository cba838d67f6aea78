package dev.recourse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppPropertiesTest {
	@Test
	void noFrameAncestors_meansThisServerOnly() {
		assertThat(new AppProperties(null).frameAncestors()).containsExactly("'self'");
		assertThat(new AppProperties(List.of()).frameAncestors()).containsExactly("'self'");
	}

	@Test
	void aWildcard_stopsStartUp() {
		assertThatThrownBy(() -> new AppProperties(List.of("https://ehr.example.org", "*")))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("frame-ancestors");
	}
}
