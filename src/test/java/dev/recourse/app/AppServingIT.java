package dev.recourse.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.support.FhirIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How {@code /app/} is served: public files, the SMART redirect URI, headers that let only the listed EHRs frame it. */
class AppServingIT extends FhirIntegrationTest {
	@Test
	void thePage_isPublic_withItsContentSecurityPolicy_andNoFrameDenial() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/app/")).GET());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<div id=\"root\">");
		String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'self'");
		assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
	}

	@Test
	void withoutTheSlash_redirectsToThePage_andTheLaunchPageIsPublic() throws Exception {
		HttpResponse<String> bare = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/app")).GET());
		HttpResponse<String> launch = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/app/launch.html")).GET());

		assertThat(bare.statusCode()).isEqualTo(302);
		assertThat(bare.headers().firstValue("Location").orElseThrow()).endsWith("/app/");
		assertThat(launch.statusCode()).isEqualTo(200);
	}

	@Test
	void hashedAssets_areCachedForGood() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/app/")).GET());
		Matcher script = Pattern.compile("src=\"(/app/assets/[^\"]+\\.js)\"").matcher(page.body());
		assertThat(script.find()).as("the page names its script").isTrue();

		HttpResponse<String> asset = send(HttpRequest.newBuilder(URI.create(serverRoot() + script.group(1))).GET());

		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000").contains("immutable");
	}

	@Test
	void onlyReading_isAllowed() throws Exception {
		HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(serverRoot() + "/app/index.html"))
				.POST(HttpRequest.BodyPublishers.ofString("x")));

		assertThat(posted.statusCode()).isEqualTo(403);
	}
}
