package dev.recourse.security;

import ca.uhn.fhir.rest.annotation.Operation;
import dev.recourse.common.OperationProvider;
import dev.recourse.security.SmartScope.Verb;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.aop.support.AopUtils;

/**
 * The operations callers may invoke and what each needs: ours from their {@link RequiresAccess}
 * declarations, HAPI's built-in ones from the table here. Anything else ({@code $everything},
 * {@code $graphql}, the reindexing and admin operations) is refused.
 *
 * <p>An operation declared on a resource type is known by type and name ({@code Claim/$submit} and
 * {@code Task/$submit} are two operations with needs of their own); one declared without a type, and HAPI's
 * built-in ones, by name alone, on whatever type it is invoked.
 */
final class OperationAccess {
	/** HAPI's own operations we serve, and the verb on the target type each needs. */
	static final Map<String, List<Requirement>> BUILT_IN = Map.of(
			"$validate", List.of(new Requirement(Requirement.TARGET_TYPE, Set.of(Verb.CREATE, Verb.UPDATE, Verb.READ), false)),
			"$meta", List.of(new Requirement(Requirement.TARGET_TYPE, Set.of(Verb.READ), false)),
			"$expunge", List.of(new Requirement(SmartScope.ANY_TYPE, Set.of(Verb.DELETE), false)));

	private final Map<String, List<Requirement>> byKey;

	private OperationAccess(Map<String, List<Requirement>> byKey) {
		this.byKey = Map.copyOf(byKey);
	}

	static OperationAccess of(List<OperationProvider> providers) {
		Map<String, List<Requirement>> byKey = new HashMap<>(BUILT_IN);
		for (OperationProvider provider : providers) {
			for (Method method : AopUtils.getTargetClass(provider).getMethods()) {
				Operation operation = method.getAnnotation(Operation.class);
				List<Requirement> requirements = requirements(method);
				// an operation that declares nothing stays out of the table, so every caller is refused it
				if (operation != null && !requirements.isEmpty()) {
					byKey.merge(key(operation), requirements, OperationAccess::sameOrFail);
				}
			}
		}
		return new OperationAccess(byKey);
	}

	/** The operation names ({@code $submit}), whatever types they are declared on. */
	Set<String> names() {
		return byKey.keySet().stream().map(key -> key.substring(key.indexOf('$'))).collect(Collectors.toSet());
	}

	/** The needs of the operation as invoked on the type (null at server level): its own for that type, else by name. */
	Optional<List<Requirement>> requirements(String operation, String resourceType) {
		String name = operation.startsWith("$") ? operation : "$" + operation;
		List<Requirement> typed = resourceType == null ? null : byKey.get(resourceType + "/" + name);
		return Optional.ofNullable(typed != null ? typed : byKey.get(name));
	}

	Optional<List<Requirement>> requirements(String operation) {
		return requirements(operation, null);
	}

	private static String key(Operation operation) {
		String name = operation.name().startsWith("$") ? operation.name() : "$" + operation.name();
		if (!operation.typeName().isBlank()) {
			return operation.typeName() + "/" + name;
		}
		Class<? extends IBaseResource> type = operation.type();
		return type == IBaseResource.class ? name : type.getSimpleName() + "/" + name;
	}

	private static List<Requirement> requirements(Method method) {
		return java.util.Arrays.stream(method.getAnnotationsByType(RequiresAccess.class))
				.map(access -> new Requirement(access.resourceType(), Set.of(access.verbs()), access.payerOnly(), access.systemOnly()))
				.toList();
	}

	/** Type- and instance-level methods of one operation must declare the same needs. */
	private static List<Requirement> sameOrFail(List<Requirement> first, List<Requirement> second) {
		if (!Set.copyOf(first).equals(Set.copyOf(second))) {
			throw new IllegalStateException("An operation's methods declare different @RequiresAccess: " + first + " / " + second);
		}
		return first;
	}

	/**
	 * @param resourceType the type the verbs apply to; {@link #TARGET_TYPE} means the type the operation is invoked on
	 * @param anyOf the verbs, any one of which suffices
	 * @param payerOnly only registered payer clients with a system scope
	 * @param systemOnly only a {@code system/} scope grants the verbs (backend services)
	 */
	record Requirement(String resourceType, Set<Verb> anyOf, boolean payerOnly, boolean systemOnly) {
		static final String TARGET_TYPE = "(target)";

		Requirement {
			anyOf = Set.copyOf(anyOf);
		}

		Requirement(String resourceType, Set<Verb> anyOf, boolean payerOnly) {
			this(resourceType, anyOf, payerOnly, false);
		}
	}
}
