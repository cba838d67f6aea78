package dev.recourse.security;

import dev.recourse.security.SmartScope.Verb;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a custom operation needs from the caller's scopes: the verbs on one resource type. Put one per
 * type on the {@code @Operation} method; a method without any is refused to every caller. Compartments
 * are checked as the operation reads and writes, like any other access.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(RequiresAccess.List.class)
public @interface RequiresAccess {
	String resourceType();

	Verb[] verbs();

	/** Only registered payer clients with a system scope may call it. */
	boolean payerOnly() default false;

	/**
	 * Only backend services: a scope of the {@code system/} context must grant the verbs, as PAS expects of the
	 * systems that call its operations. A patient's or a user's app is refused whatever its scopes.
	 */
	boolean systemOnly() default false;

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface List {
		RequiresAccess[] value();
	}
}
