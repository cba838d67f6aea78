package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppLocationsTest {
	private static final String ROOT = "http://localhost:8080";
	private final AppLocations app = new AppLocations(List.of("http://localhost:5173/app/"));

	@Test
	void redirectUri_theAppOnTheRequestsOwnRoot_orAConfiguredOne() {
		assertThat(app.isRedirectUri("http://localhost:8080/app/", ROOT)).isTrue();
		assertThat(app.isRedirectUri("http://localhost:8080/app/index.html", ROOT)).isTrue();
		assertThat(app.isRedirectUri("https://recourse.example.org/app/", "https://recourse.example.org")).isTrue();
		assertThat(app.isRedirectUri("http://localhost:5173/app/", ROOT)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"http://localhost:8080/app", // no trailing slash: exact comparison
		"http://localhost:8080/app/?x=1",
		"http://localhost:8080/app/other.html",
		"http://localhost:8080/app/../evil",
		"http://LOCALHOST:8080/app/",
		"https://localhost:8080/app/",
		"http://localhost:8081/app/",
		"http://127.0.0.1:8080/app/",
		"http://localhost:8080.evil.example/app/",
		"https://attacker.example/app/",
		"http://localhost:5173/app/index.html",
		""
	})
	void redirectUri_anythingElse_isRefused(String requested) {
		assertThat(app.isRedirectUri(requested, ROOT)).isFalse();
		assertThat(app.isRedirectUri(null, ROOT)).isFalse();
	}

	@Test
	void launchUrl_onTheServersOrAConfiguredOrigin() {
		assertThat(app.isLaunchUrl("http://localhost:8080/app/launch.html", ROOT)).isTrue();
		assertThat(app.isLaunchUrl("http://localhost:5173/launch.html", ROOT)).isTrue();
		assertThat(app.isLaunchUrl("https://recourse.example.org/app/launch.html", "https://recourse.example.org:443")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"https://attacker.example/launch.html",
		"http://localhost:8080@attacker.example/launch.html",
		"http://attacker.example@localhost:8080/launch.html",
		"javascript:alert(1)",
		"//attacker.example/launch.html",
		"/app/launch.html",
		"http://localhost:8080/app/launch.html#x",
		"http://localhost:9090/app/launch.html"
	})
	void launchUrl_elsewhere_isRefused(String url) {
		assertThat(app.isLaunchUrl(url, ROOT)).isFalse();
	}
}
