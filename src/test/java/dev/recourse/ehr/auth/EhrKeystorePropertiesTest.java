package dev.recourse.ehr.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EhrKeystorePropertiesTest {

	private static EhrKeystoreProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings))
				.bindOrCreate("recourse.ehr.keystore", EhrKeystoreProperties.class);
	}

	@Test
	void settings_bind_withPkcs12AsTheDefaultType() {
		EhrKeystoreProperties properties = bind(Map.of(
				"recourse.ehr.keystore.path", "file:/etc/recourse/ehr-client.p12",
				"recourse.ehr.keystore.password", "secret"));

		assertThat(properties.path()).isEqualTo("file:/etc/recourse/ehr-client.p12");
		assertThat(properties.password()).isEqualTo("secret");
		assertThat(properties.type()).isEqualTo("PKCS12");
		assertThat(properties.toString()).doesNotContain("secret");
	}

	@Test
	void noSettings_meanNoKeystore() {
		assertThat(bind(Map.of()).configured()).isFalse();
	}
}
