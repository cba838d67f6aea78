package dev.recourse.ehr.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.recourse.common.RecourseException;
import dev.recourse.security.guard.OutboundUrlPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HTTP calls of the token dance. Each URL passes the outbound URL policy before anything is sent, and
 * redirects are never followed: the policy checked the URL we were given, not wherever a server would send
 * us next. JSON answers are read whatever their status, so callers can word each failure.
 */
class AuthHttp {
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
	// Discovery documents and token answers are a few KB; more is not read, whatever the server sends.
	private static final int MAX_BODY_BYTES = 64 * 1024;
	private static final ObjectMapper JSON = new ObjectMapper();

	/** @param json the body when it is a JSON object, else empty */
	record Answer(int status, Optional<JsonNode> json) {
		boolean successful() {
			return status >= 200 && status < 300;
		}

		boolean redirect() {
			return status >= 300 && status < 400;
		}
	}

	private final OutboundUrlPolicy policy;
	private final RestClient client;

	AuthHttp(OutboundUrlPolicy policy) {
		this.policy = policy;
		HttpClient http = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(CONNECT_TIMEOUT)
				.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(READ_TIMEOUT);
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	/**
	 * @param target the URL and where it came from, checked against the outbound URL policy first
	 * @param what the thing called, to begin the message when it cannot be called or reached
	 */
	Answer get(Target target, String what) {
		return send(client.get().uri(allowed(target, what)).accept(MediaType.APPLICATION_JSON), what);
	}

	Answer postForm(Target target, MultiValueMap<String, String> form, String what) {
		return send(client.post().uri(allowed(target, what))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form), what);
	}

	/**
	 * @param url an absolute http(s) URL
	 * @param element where it came from, e.g. {@code Endpoint.address} or {@code token_endpoint}
	 */
	record Target(String url, String element) {}

	private URI allowed(Target target, String what) {
		try {
			policy.check(target.url(), target.element());
			return new URI(target.url());
		} catch (RecourseException e) {
			throw new EhrAuthenticationException(what + " was not called: " + target.element()
					+ " is refused by the outbound URL policy. " + e.getMessage(), e);
		} catch (URISyntaxException e) {
			throw new EhrAuthenticationException(what + " was not called: " + target.element() + " is not a valid URL", e);
		}
	}

	private static Answer send(RestClient.RequestHeadersSpec<?> request, String what) {
		try {
			return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
					jsonObject(res.getBody().readNBytes(MAX_BODY_BYTES))), true);
		} catch (RestClientException e) {
			throw new EhrAuthenticationException(what + " " + unreachable(e), e);
		}
	}

	private static String unreachable(RestClientException e) {
		Throwable cause = e.getMostSpecificCause();
		if (cause instanceof HttpTimeoutException) {
			return "did not answer in time (connect " + CONNECT_TIMEOUT.toSeconds() + " s, read "
					+ READ_TIMEOUT.toSeconds() + " s)";
		}
		return "could not be reached (" + cause.getClass().getSimpleName() + ")";
	}

	private static Optional<JsonNode> jsonObject(byte[] body) {
		try {
			JsonNode node = JSON.readTree(body);
			return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
		} catch (IOException e) {
			return Optional.empty();
		}
	}
}
