package dev.recourse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser running the SMART app's side of the development issuer's authorization code flow, one step at a time:
 * cookies are kept (the login session), redirects are not followed, so a test sees every hop. What fhirclient
 * does in the real app: the authorization request with {@code aud}, {@code state} and PKCE (S256), and the token
 * request as a public client.
 */
public final class SmartAppBrowser {
	public static final String CLIENT_ID = "recourse-app";
	public static final String USERNAME = "dr-demo";
	public static final String PASSWORD = "recourse-demo";
	public static final String FHIR_USER = "Practitioner/ReferralPractitionerExample";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	private final String root;

	public SmartAppBrowser(String serverRoot) {
		this.root = serverRoot;
	}

	public String fhirBase() {
		return root + "/fhir";
	}

	/** The app's page on this server the issuer sends the code to. */
	public String redirectUri() {
		return root + "/app/";
	}

	/** A navigation, as a browser makes it. */
	public HttpResponse<String> get(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
	}

	public HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(form))));
	}

	/** Where a redirect goes, absolute. */
	public static String location(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location")
				.orElseThrow(() -> new AssertionError("no redirect (HTTP " + redirect.statusCode() + "): " + redirect.body()));
		return redirect.uri().resolve(location).toString();
	}

	/** A query parameter of a URL, decoded. */
	public static Optional<String> parameter(String url, String name) {
		String query = URI.create(url).getRawQuery();
		if (query == null) {
			return Optional.empty();
		}
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts[0].equals(name)) {
				return Optional.of(parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return Optional.empty();
	}

	/** The app's authorization request (scope, state, PKCE, aud = this server's FHIR base) with any parameters added or replaced. */
	public String authorizeUrl(String scope, Pkce pkce, Map<String, String> more) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", CLIENT_ID);
		parameters.put("redirect_uri", redirectUri());
		parameters.put("scope", scope);
		parameters.put("state", "state-" + pkce.verifier().substring(0, 8));
		parameters.put("aud", fhirBase());
		parameters.put("code_challenge", pkce.challenge());
		parameters.put("code_challenge_method", "S256");
		parameters.putAll(more);
		parameters.values().removeIf(value -> value == null);
		return root + "/oauth2/authorize?" + form(parameters);
	}

	/** Spring Security's login form: fetch it for its CSRF token, then post the credentials. */
	public HttpResponse<String> logIn(String username, String password) throws Exception {
		HttpResponse<String> page = get(root + "/login");
		return postForm(root + "/login", Map.of("username", username, "password", password, "_csrf", csrf(page.body())));
	}

	public static String csrf(String loginPage) {
		Matcher matcher = CSRF.matcher(loginPage);
		if (!matcher.find()) {
			throw new AssertionError("no _csrf field on the login page: " + loginPage);
		}
		return matcher.group(1);
	}

	/** The code exchange as the public client; a null verifier leaves {@code code_verifier} out. */
	public HttpResponse<String> token(String code, String verifier) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirectUri());
		form.put("client_id", CLIENT_ID);
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return postForm(root + "/oauth2/token", form);
	}

	/**
	 * The whole flow as the demo user: authorize, log in if the issuer asks, back to authorize, the code, the
	 * token. Returns the token response.
	 */
	public JsonNode authorizeAndExchange(String scope, Map<String, String> more) throws Exception {
		Pkce pkce = Pkce.create();
		String url = authorizeUrl(scope, pkce, more);
		String next = location(get(url));
		if (next.startsWith(root + "/login")) {
			next = location(get(location(logIn(USERNAME, PASSWORD))));
		}
		String code = parameter(next, "code").orElseThrow(() -> new AssertionError("no code in " + url));
		HttpResponse<String> token = token(code, pkce.verifier());
		if (token.statusCode() != 200) {
			throw new AssertionError("token request refused (HTTP " + token.statusCode() + "): " + token.body());
		}
		return JSON.readTree(token.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> values) {
		return values.entrySet().stream()
				.map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
				.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** RFC 7636: a random verifier and its S256 challenge. */
	public record Pkce(String verifier, String challenge) {
		public static Pkce create() throws Exception {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
		}
	}
}
