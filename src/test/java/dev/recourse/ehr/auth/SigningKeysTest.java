package dev.recourse.ehr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
	static final String PASSWORD = "test-only-changeit";
	static final String KEYSTORE = "classpath:ehr/ehr-client.p12";
	static final String STRANGER = "classpath:ehr/stranger.p12";

	static SigningKeys keys(String path) {
		return new SigningKeys(new EhrKeystoreProperties(path, PASSWORD, null));
	}

	@Test
	void rsaKey_signsRs384_andEcP384Key_signsEs384() {
		SigningKeys keys = keys(KEYSTORE);

		assertThat(keys.key("recourse-rs384").algorithm()).isEqualTo(JWSAlgorithm.RS384);
		assertThat(keys.key("recourse-es384").algorithm()).isEqualTo(JWSAlgorithm.ES384);
	}

	@Test
	void unknownAlias_namesTheAlias() {
		assertThatThrownBy(() -> keys(KEYSTORE).key("nobody"))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessage("The signing key 'nobody' is not in the EHR client keystore");
	}

	@Test
	void blankPath_meansNoKeystore_andAskingForAKeySaysSo() {
		SigningKeys keys = keys(" ");

		assertThatThrownBy(() -> keys.key("recourse-rs384"))
				.isInstanceOf(EhrAuthenticationException.class)
				.hasMessageContaining("No EHR client keystore is configured (recourse.ehr.keystore.path)")
				.hasMessageContaining("recourse-rs384");
	}

	@Test
	void wrongPassword_stopsStartUp_withoutPrintingThePassword() {
		String wrong = "not-the-password-42";
		EhrKeystoreProperties properties = new EhrKeystoreProperties(KEYSTORE, wrong, "PKCS12");

		assertThatThrownBy(() -> new SigningKeys(properties))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Cannot read the EHR client keystore classpath:ehr/ehr-client.p12")
				.hasMessageNotContaining(wrong);
		assertThat(properties.toString()).doesNotContain(wrong);
	}

	@Test
	void pathWithoutFileOrClasspathPrefix_isRefused() {
		assertThatThrownBy(() -> keys("https://keys.example/ehr-client.p12"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("must start with file: or classpath:");
	}

	@Test
	void assertion_hasKidTypAndAFourMinuteLife() throws Exception {
		MutableClock clock = new MutableClock();
		String serialized = new ClientAssertion(clock).sign(keys(KEYSTORE).key("recourse-es384"), "client", "https://ehr.example/token");

		SignedJWT jwt = SignedJWT.parse(serialized);
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(jwt.getHeader().getKeyID()).isEqualTo("recourse-es384");
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(claims.getIssuer()).isEqualTo("client");
		assertThat(claims.getSubject()).isEqualTo("client");
		assertThat(claims.getAudience()).containsExactly("https://ehr.example/token");
		assertThat(claims.getIssueTime().toInstant().getEpochSecond()).isEqualTo(clock.instant().getEpochSecond());
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
				.isEqualTo(Duration.ofMinutes(4));
		assertThat(claims.getJWTID()).isNotBlank();
	}
}
