package dev.recourse.security.guard;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An http(s) URL reduced to what decides where a request goes: scheme, host, port and path. Two
 * spellings of one place compare equal (upper-case or Unicode host, default port written or not,
 * {@code /a/./b}); anything a server or proxy could read two ways is refused instead of guessed at.
 *
 * @param scheme {@code http} or {@code https}
 * @param host lower-case ASCII (IDN in punycode), without a trailing dot; IPv6 in brackets
 * @param port explicit, the scheme's default filled in
 * @param path normalized raw path, {@code /} when empty
 */
record OutboundUrl(String scheme, String host, int port, String path) {
	private static final Pattern HOST_AND_PORT = Pattern.compile("([^:\\[\\]]+)(:\\d*)?");
	// Servers disagree on whether %2F is a slash and %2E a dot, which is how /allowed/%2e%2e/admin escapes a prefix.
	private static final Pattern AMBIGUOUS_ESCAPE = Pattern.compile("%(2[eEfF]|5[cC])");

	/** The URL reduced; an {@link IllegalArgumentException} says, without echoing it, why it cannot be called. */
	static OutboundUrl parse(String text) {
		if (text == null || text.isBlank()) {
			throw refused("is empty");
		}
		URI uri = withAsciiHost(uri(text));
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getRawUserInfo() != null) {
			throw refused("carries user information (user@host); credentials belong in headers, never in a URL");
		}
		if (uri.getHost() == null) {
			throw refused("has no valid host name");
		}
		return new OutboundUrl(scheme, host(uri.getHost()), port(scheme, uri.getPort()), path(uri));
	}

	/** Whether this URL lies at or below the prefix: same origin, and the prefix's path ends at a segment boundary. */
	boolean isUnder(OutboundUrl prefix) {
		if (!scheme.equals(prefix.scheme) || !host.equals(prefix.host) || port != prefix.port) {
			return false;
		}
		String base = prefix.path.endsWith("/") ? prefix.path.substring(0, prefix.path.length() - 1) : prefix.path;
		return base.isEmpty() || path.equals(base) || path.startsWith(base + "/");
	}

	/** Scheme, host and port: safe to name in an answer, unlike the path and query, which may carry secrets. */
	String origin() {
		return scheme + "://" + host + ":" + port;
	}

	private static URI uri(String text) {
		URI uri;
		try {
			uri = new URI(text);
		} catch (URISyntaxException e) {
			throw refused("is not a valid URL");
		}
		if (!uri.isAbsolute()) {
			throw refused("is not an absolute URL (it needs http:// or https:// and a host)");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw refused("uses the scheme '" + scheme + "'; only http and https are called");
		}
		if (uri.isOpaque() || uri.getRawAuthority() == null) {
			throw refused("has no host");
		}
		return uri;
	}

	/**
	 * java.net.URI leaves a host it cannot read as a server name (Unicode, percent-escapes) unparsed; a
	 * Unicode host is converted to its ASCII form the way a resolver would see it, anything else refused.
	 */
	private static URI withAsciiHost(URI uri) {
		if (uri.getHost() != null) {
			return uri;
		}
		if (uri.getRawAuthority().contains("%")) {
			throw refused("has an escaped character in its host name, which clients read differently");
		}
		String authority = uri.getAuthority();
		if (authority.contains("@")) {
			throw refused("carries user information (user@host); credentials belong in headers, never in a URL");
		}
		Matcher hostAndPort = HOST_AND_PORT.matcher(authority);
		if (!hostAndPort.matches()) {
			throw refused("has no valid host name");
		}
		try {
			String ascii = IDN.toASCII(hostAndPort.group(1), IDN.USE_STD3_ASCII_RULES);
			String port = hostAndPort.group(2) == null ? "" : hostAndPort.group(2);
			String path = uri.getRawPath() == null ? "" : uri.getRawPath();
			return new URI(uri.getScheme() + "://" + ascii + port + path);
		} catch (IllegalArgumentException | URISyntaxException e) {
			throw refused("has no valid host name");
		}
	}

	private static String host(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static int port(String scheme, int port) {
		if (port == -1) {
			return scheme.equals("https") ? 443 : 80;
		}
		if (port < 1 || port > 65535) {
			throw refused("names port " + port + ", which does not exist");
		}
		return port;
	}

	private static String path(URI uri) {
		String path = uri.normalize().getRawPath();
		if (path == null || path.isEmpty()) {
			return "/";
		}
		if (AMBIGUOUS_ESCAPE.matcher(path).find()) {
			throw refused("has an escaped dot, slash or backslash in its path, which servers read differently");
		}
		if (path.equals("/..") || path.startsWith("/../")) {
			throw refused("climbs above the root with '..'");
		}
		return path;
	}

	private static IllegalArgumentException refused(String reason) {
		return new IllegalArgumentException("The URL " + reason);
	}
}
