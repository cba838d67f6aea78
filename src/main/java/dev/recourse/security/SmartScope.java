package dev.recourse.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART App Launch clinical scope, v1 ({@code patient/Observation.read}) or v2
 * ({@code patient/Observation.rs?category=laboratory}), reduced to what it permits.
 *
 * @param context whose data: the launch patient's, the user's, or any (system)
 * @param resourceType a FHIR resource type, or {@code *} for all
 * @param verbs the interactions permitted
 * @param filter v2 query narrowing as FHIR search parameters (for example {@code category=…}), empty if none
 */
public record SmartScope(Context context, String resourceType, Set<Verb> verbs, Map<String, List<String>> filter) {
	public static final String ANY_TYPE = "*";
	private static final Pattern SHAPE =
			Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.(read|write|\\*|c?r?u?d?s?)(\\?(.+))?");

	public SmartScope {
		verbs = verbs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(verbs));
		filter = Map.copyOf(filter);
	}

	public enum Context {
		PATIENT,
		USER,
		SYSTEM
	}

	/** SMART v2's c, r, u, d, s; v1 read means r+s, write means c+u+d. */
	public enum Verb {
		CREATE('c'),
		READ('r'),
		UPDATE('u'),
		DELETE('d'),
		SEARCH('s');

		private final char letter;

		Verb(char letter) {
			this.letter = letter;
		}

		public char letter() {
			return letter;
		}
	}

	/** The scope a string stands for, or empty when it is not a clinical scope (openid, launch, …) or malformed. */
	public static Optional<SmartScope> parse(String scope) {
		Matcher matcher = SHAPE.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Set<Verb> verbs = verbs(matcher.group(3));
		if (verbs.isEmpty()) {
			return Optional.empty();
		}
		Context context = Context.valueOf(matcher.group(1).toUpperCase(java.util.Locale.ROOT));
		return filter(matcher.group(5)).map(filter -> new SmartScope(context, matcher.group(2), verbs, filter));
	}

	public boolean permits(Verb verb) {
		return verbs.contains(verb);
	}

	public boolean coversType(String type) {
		return ANY_TYPE.equals(resourceType) || resourceType.equals(type);
	}

	public boolean isNarrowed() {
		return !filter.isEmpty();
	}

	private static Set<Verb> verbs(String permissions) {
		return switch (permissions) {
			case "read" -> EnumSet.of(Verb.READ, Verb.SEARCH);
			case "write" -> EnumSet.of(Verb.CREATE, Verb.UPDATE, Verb.DELETE);
			case "*" -> EnumSet.allOf(Verb.class);
			default -> {
				EnumSet<Verb> verbs = EnumSet.noneOf(Verb.class);
				for (Verb verb : Verb.values()) {
					if (permissions.indexOf(verb.letter()) >= 0) {
						verbs.add(verb);
					}
				}
				yield verbs;
			}
		};
	}

	/** The v2 query part as search parameters; a part without a name and a value makes the scope malformed. */
	private static Optional<Map<String, List<String>>> filter(String query) {
		Map<String, List<String>> filter = new LinkedHashMap<>();
		if (query == null) {
			return Optional.of(filter);
		}
		for (String part : query.split("&")) {
			int equals = part.indexOf('=');
			if (equals <= 0 || equals == part.length() - 1) {
				return Optional.empty();
			}
			filter.computeIfAbsent(part.substring(0, equals), name -> new java.util.ArrayList<>())
					.add(java.net.URLDecoder.decode(part.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
		}
		return Optional.of(filter);
	}
}
