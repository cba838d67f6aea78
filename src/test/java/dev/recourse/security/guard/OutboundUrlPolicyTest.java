package dev.recourse.security.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlPolicyTest {
	private final OutboundUrlPolicy policy = new OutboundUrlPolicy(List.of(
			"https://ehr.example.org/fhir",
			"https://hooks.example.org/",
			"http://10.1.2.3:8080/callbacks/",
			"https://bücher.example/api"));

	@ParameterizedTest
	@ValueSource(strings = {
		"https://ehr.example.org/fhir",
		"https://ehr.example.org/fhir/",
		"https://ehr.example.org/fhir/Patient/123?_format=json",
		"https://ehr.example.org/fhir/Patient#part",
		"HTTPS://EHR.Example.ORG/fhir/Patient",
		"https://ehr.example.org:443/fhir/Patient",
		"https://ehr.example.org./fhir/Patient",
		"https://ehr.example.org/fhir/./Patient",
		"https://ehr.example.org/fhir/a/../Patient",
		"https://hooks.example.org",
		"https://hooks.example.org/anything/at/all",
		"http://10.1.2.3:8080/callbacks",
		"http://10.1.2.3:8080/callbacks/recourse",
		"https://xn--bcher-kva.example/api/v1",
		"https://BÜCHER.example/api/v1"
	})
	void allowed(String url) {
		assertThat(policy.refusal(url)).as(url).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"https://ehr.example.org.evil.com/fhir",
		"https://ehr.example.org@evil.com/fhir",
		"https://user:secret@ehr.example.org/fhir",
		"https://ehr.example.org:secret@evil.com/fhir",
		"https://evil.com#@ehr.example.org/fhir",
		"https://evil.com?@ehr.example.org/fhir",
		"https://ehr.example.org/fhir2",
		"https://ehr.example.org/fhirx/Patient",
		"https://ehr.example.org/",
		"https://ehr.example.org/FHIR/Patient",
		"https://ehr.example.org/fhir/../admin",
		"https://ehr.example.org/fhir/%2e%2e/admin",
		"https://ehr.example.org/fhir/%2E%2E%2Fadmin",
		"https://ehr.example.org/fhir%2fPatient",
		"https://ehr.example.org/fhir/..%5cadmin",
		"https://ehr.example.org:8443/fhir",
		"http://ehr.example.org/fhir",
		"http://10.1.2.3/callbacks",
		"http://10.1.2.3:80800/callbacks",
		"http://[::1]:8080/callbacks",
		"http://127.0.0.1:8080/callbacks",
		"https://bucher.example/api",
		"file:///etc/passwd",
		"jar:https://ehr.example.org/fhir/x.jar!/",
		"ftp://ehr.example.org/fhir",
		"gopher://ehr.example.org/fhir",
		"javascript:alert(1)",
		"data:text/plain,hello",
		"mailto:ops@ehr.example.org",
		"/fhir/Patient",
		"//ehr.example.org/fhir",
		"ehr.example.org/fhir",
		"https:ehr.example.org/fhir",
		"https:/ehr.example.org/fhir",
		"https://",
		"https://ehr.example.org\\@evil.com/fhir",
		" https://ehr.example.org/fhir",
		"https://ehr example.org/fhir",
		"https://%65hr.example.org.evil.com/fhir",
		"https://%65hr.example.org/fhir/Patient",
		"https://ehr_x.example.org/fhir",
		""
	})
	void refused(String url) {
		assertThat(policy.refusal(url)).as(url).isPresent();
	}

	@Test
	void nullUrl_isRefused() {
		assertThat(policy.refusal(null)).isPresent();
	}

	@Test
	void userInfo_isRefusedForWhatItIs_withoutEchoingTheSecret() {
		String refusal = policy.refusal("https://ehr:s3cret@ehr.example.org/fhir").orElseThrow();

		assertThat(refusal).contains("user information").doesNotContain("s3cret");
	}

	@Test
	void urlOffTheList_isNamedByOriginOnly() {
		String refusal = policy.refusal("https://evil.example/steal?token=abc").orElseThrow();

		assertThat(refusal).contains("https://evil.example:443").doesNotContain("token=abc").contains(OutboundUrlPolicy.PROPERTY);
	}

	@Test
	void emptyList_refusesEverything() {
		OutboundUrlPolicy none = new OutboundUrlPolicy(List.of());

		assertThat(none.refusal("https://ehr.example.org/fhir")).hasValueSatisfying(r -> assertThat(r).contains("is empty"));
	}

	@Test
	void check_throws422NamingTheElement() {
		assertThatThrownBy(() -> policy.check("https://evil.example/", "Subscription.channel.endpoint"))
				.isInstanceOfSatisfying(RecourseException.class, e -> {
					assertThat(e.error()).isEqualTo(RecourseError.UNPROCESSABLE);
					assertThat(e.element()).isEqualTo("Subscription.channel.endpoint");
				});
	}

	@Test
	void check_passesAllowedUrls() {
		policy.check("https://ehr.example.org/fhir/Patient", "endpoint");
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"ehr.example.org",
		"file:///srv",
		"https://user@ehr.example.org/",
		"https://ehr.example.org/fhir?x=1",
		"https://ehr.example.org/fhir#top"
	})
	void malformedAllowListEntry_stopsStartUp(String entry) {
		assertThatThrownBy(() -> new OutboundUrlPolicy(List.of("https://fine.example/", entry)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(OutboundUrlPolicy.PROPERTY + "[1]");
	}

	@Test
	void hostOnlyEntry_admitsTheWholeOriginAndNothingElse() {
		OutboundUrlPolicy origin = new OutboundUrlPolicy(List.of("https://ehr.example.org"));

		assertThat(origin.refusal("https://ehr.example.org/any/path")).isEmpty();
		assertThat(origin.refusal("https://ehr.example.org:444/any/path")).isPresent();
		assertThat(origin.refusal("https://sub.ehr.example.org/")).isPresent();
	}

	@Test
	void explicitDefaultPortInEntry_equalsNoPort() {
		OutboundUrlPolicy explicit = new OutboundUrlPolicy(List.of("http://ehr.example.org:80/fhir/"));

		assertThat(explicit.refusal("http://ehr.example.org/fhir/Patient")).isEmpty();
		assertThat(explicit.refusal("https://ehr.example.org/fhir/Patient")).isPresent();
	}
}
