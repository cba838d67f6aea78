package dev.recourse.security.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * What a request to the FHIR endpoint attempted, read from its method and URL alone — never its body,
 * which carries patient data: the interaction, the resource type and id, the operation, and the query of
 * a search (recorded as BALP records it for a successful one).
 *
 * @param verb the HTTP method
 * @param interaction the FHIR interaction the URL stands for
 * @param resourceType the resource type in the URL, if any
 * @param resourceId the resource id in the URL, if any
 * @param operation the operation's name with its {@code $}, if the request calls one
 * @param query the query string of a search, if any
 */
record Attempt(
		String verb,
		Interaction interaction,
		Optional<String> resourceType,
		Optional<String> resourceId,
		Optional<String> operation,
		Optional<String> query) {
	static final String FHIR_PATH = "/fhir";

	/** The attempt an HTTP request makes, or empty when it is not one the audit records (outside /fhir, /metadata). */
	static Optional<Attempt> of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.equals(FHIR_PATH) && !path.startsWith(FHIR_PATH + "/")) {
			return Optional.empty();
		}
		return parse(request.getMethod(), path.substring(FHIR_PATH.length()), request.getQueryString());
	}

	/**
	 * The attempt of a method on a path under the FHIR base ({@code /Patient/1/_history/2}); empty for the
	 * capability statement and {@code .well-known} documents, which carry no patient data.
	 */
	static Optional<Attempt> parse(String verb, String path, String query) {
		List<String> segments = List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList();
		if (!segments.isEmpty() && (segments.get(0).equals("metadata") || segments.get(0).startsWith(".well-known"))) {
			return Optional.empty();
		}
		Optional<String> operation = segments.stream().filter(s -> s.startsWith("$")).findFirst();
		List<String> target = segments.stream().filter(s -> !s.startsWith("$")).toList();
		Interaction interaction = operation.isPresent() ? Interaction.OPERATION : interaction(verb, target);
		Optional<String> type = target.isEmpty() || target.get(0).startsWith("_")
				? Optional.empty()
				: Optional.of(target.get(0));
		Optional<String> id = type.isPresent() && target.size() > 1 && !target.get(1).startsWith("_")
				? Optional.of(target.get(1))
				: Optional.empty();
		Optional<String> searchQuery = interaction.isSearch() ? Optional.ofNullable(query) : Optional.empty();
		return Optional.of(new Attempt(verb, interaction, type, id, operation, searchQuery));
	}

	private static Interaction interaction(String verb, List<String> target) {
		int size = target.size();
		if (size == 0) {
			return "POST".equals(verb) ? Interaction.TRANSACTION : Interaction.SEARCH_SYSTEM;
		}
		if (target.get(0).equals("_history")) {
			return Interaction.HISTORY_SYSTEM;
		}
		if (size == 1) {
			// without an id, a write is a create or a conditional update, patch or delete
			return switch (verb) {
				case "POST" -> Interaction.CREATE;
				case "PUT" -> Interaction.UPDATE;
				case "PATCH" -> Interaction.PATCH;
				case "DELETE" -> Interaction.DELETE;
				default -> Interaction.SEARCH_TYPE;
			};
		}
		if (target.get(1).equals("_search")) {
			return Interaction.SEARCH_TYPE;
		}
		if (target.contains("_history")) {
			return switch (target.indexOf("_history")) {
				case 1 -> Interaction.HISTORY_TYPE;
				default -> size > 3 ? Interaction.VREAD : Interaction.HISTORY_INSTANCE;
			};
		}
		return switch (verb) {
			case "PUT" -> Interaction.UPDATE;
			case "PATCH" -> Interaction.PATCH;
			case "DELETE" -> Interaction.DELETE;
			default -> Interaction.READ;
		};
	}
}
