package dev.recourse.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the SMART app may be sent: the redirect URIs the authorization endpoint accepts, and the launch URLs
 * the development EHR launcher may redirect to. The app is served by this server under {@code /app/}, whose
 * port is random in tests and set by {@code PORT} in production, so its own origin is taken from the server
 * root of the request rather than registered; anything else must be listed in settings.
 *
 * @param configuredRedirectUris absolute redirect URIs from settings
 */
record AppLocations(List<String> configuredRedirectUris) {
	/** Where dev.recourse.app serves the app, under this server's root; also where a login with nothing to resume goes. */
	static final String HOME_PATH = "/app/";
	/** The app's pages on this server, under its root. */
	static final List<String> OWN_PATHS = List.of(HOME_PATH, HOME_PATH + "index.html");
	static final String DEFAULT_LAUNCH_PATH = HOME_PATH + "launch.html";

	AppLocations {
		configuredRedirectUris = List.copyOf(configuredRedirectUris);
	}

	/**
	 * Exact string comparison, as OAuth 2.0 Security BCP §4.1.3 asks: no prefixes, no patterns, so an attacker
	 * cannot have a code sent to a page of their choosing on an allowed host.
	 */
	boolean isRedirectUri(String requested, String serverRoot) {
		return requested != null && redirectUris(serverRoot).anyMatch(requested::equals);
	}

	Stream<String> redirectUris(String serverRoot) {
		return Stream.concat(OWN_PATHS.stream().map(path -> serverRoot + path), configuredRedirectUris.stream());
	}

	/**
	 * A launch URL is on the app's own origin or the origin of a configured redirect URI: the launcher must not
	 * be an open redirect that hands launch ids to any site.
	 */
	boolean isLaunchUrl(String url, String serverRoot) {
		Optional<String> origin = origin(url);
		return origin.isPresent() && Stream.concat(Stream.of(serverRoot), configuredRedirectUris.stream())
				.map(AppLocations::origin)
				.anyMatch(origin::equals);
	}

	/** scheme://host:port of an http(s) URL without user info or fragment; empty for anything else. */
	static Optional<String> origin(String url) {
		if (url == null) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
				return Optional.empty();
			}
			int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
			return Optional.of(scheme + "://" + uri.getHost().toLowerCase() + ":" + port);
		} catch (URISyntaxException malformed) {
			return Optional.empty();
		}
	}
}
