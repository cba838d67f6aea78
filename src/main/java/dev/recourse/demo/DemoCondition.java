package dev.recourse.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The demo's beans exist only when {@link DemoEnvironment#active} says the demo is on. */
class DemoCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return DemoEnvironment.active(context.getEnvironment());
	}
}
