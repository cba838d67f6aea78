package dev.recourse.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * This server's FHIR base URL as a caller sees it: the configured server address, else derived from the
 * request. Tokens must name it in {@code aud} (SMART App Launch: aud is the FHIR base URL).
 */
final class FhirBaseUrl {
	static final String FHIR_PATH = "/fhir";
	private final String configured;

	FhirBaseUrl(String configured) {
		this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
	}

	String of(HttpServletRequest request) {
		return under(serverRoot(request));
	}

	/** The FHIR base of a server whose root is known (the development issuer's URL is the server root). */
	String under(String serverRoot) {
		return configured.isEmpty() ? serverRoot + FHIR_PATH : configured;
	}

	/** The server's root as the request reached it: scheme, host, port and context path. */
	static String serverRoot(HttpServletRequest request) {
		return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
				.replacePath(request.getContextPath())
				.replaceQuery(null)
				.fragment(null)
				.build()
				.toUriString();
	}
}
