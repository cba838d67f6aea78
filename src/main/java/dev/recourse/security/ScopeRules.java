package dev.recourse.security;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import dev.recourse.security.SmartScope.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;

/**
 * Turns a caller's SMART scopes into HAPI authorization rules: which resources, in which patient's
 * compartment, under which query filter. The verbs are finer in SMART v2 than in HAPI's rule builder
 * (HAPI's read is read and search; its write is create and update); {@link ScopeGate} enforces that
 * split before these rules run.
 */
final class ScopeRules {
	static final String AUDIT_EVENT = "AuditEvent";

	private final PatientCompartment compartment;
	private final Set<String> operations;

	/** @param operations the operation names a caller may invoke at all; {@link ScopeGate} checks their needs */
	ScopeRules(PatientCompartment compartment, Set<String> operations) {
		this.compartment = compartment;
		this.operations = Set.copyOf(operations);
	}

	List<IAuthRule> forCaller(Caller caller) {
		RuleBuilder rules = new RuleBuilder();
		rules.allow("capability statement").metadata();
		guardAuditTrail(rules, caller);
		for (SmartScope scope : caller.scopes()) {
			if (scope.permits(Verb.READ) || scope.permits(Verb.SEARCH)) {
				grant(scope, caller, true, () -> rules.allow(scope + " (read)").read());
			}
			if (scope.permits(Verb.CREATE)) {
				grant(scope, caller, false, () -> rules.allow(scope + " (create)").create());
			}
			if (scope.permits(Verb.UPDATE)) {
				grant(scope, caller, false, () -> rules.allow(scope + " (update)").write());
			}
			if (scope.permits(Verb.DELETE)) {
				grant(scope, caller, false, () -> rules.allow(scope + " (delete)").delete());
			}
		}
		if (caller.scopes().stream().anyMatch(scope -> scope.permits(Verb.UPDATE))) {
			// the patched result is checked like any update, at storage time
			rules.allow("patch").patch().allRequests();
		}
		// each entry of a batch or transaction is checked on its own by the rules above
		rules.allow("batch and transaction").transaction().withAnyOperation().andApplyNormalRules();
		for (String operation : operations) {
			rules.allow(operation).operation().named(operation).atAnyLevel().andAllowAllResponses();
		}
		rules.denyAll("no scope allows this");
		return rules.build();
	}

	/** The audit trail is readable only with a scope naming AuditEvent, and never writable over the API. */
	private static void guardAuditTrail(RuleBuilder rules, Caller caller) {
		rules.deny("the audit trail is written by the server only").write().resourcesOfType(AUDIT_EVENT).withAnyId();
		rules.deny("the audit trail is written by the server only").delete().resourcesOfType(AUDIT_EVENT).withAnyId();
		boolean auditor = caller.mayExplicitly(Verb.READ, AUDIT_EVENT) || caller.mayExplicitly(Verb.SEARCH, AUDIT_EVENT);
		if (!auditor) {
			rules.deny("reading the audit trail needs an AuditEvent scope").read().resourcesOfType(AUDIT_EVENT).withAnyId();
		}
	}

	private void grant(SmartScope scope, Caller caller, boolean reading, Supplier<IAuthRuleBuilderRuleOp> allow) {
		if (scope.context() == SmartScope.Context.PATIENT) {
			if (caller.patientId().isEmpty()) {
				return; // a patient scope without a launch patient grants nothing
			}
			grantInCompartment(scope, caller.patientId().get(), reading, allow);
			return;
		}
		IAuthRuleBuilderRuleOpClassifier target = types(scope, allow.get());
		if (scope.isNarrowed()) {
			target.withFilter(query(scope.filter()));
		} else {
			target.withAnyId();
		}
	}

	/** @param reading whether the rule reads: patient-context readers also see the reference data no patient owns */
	private void grantInCompartment(
			SmartScope scope, String patientId, boolean reading, Supplier<IAuthRuleBuilderRuleOp> allow) {
		IdType owner = new IdType("Patient", patientId);
		if (scope.isNarrowed()) {
			types(scope, allow.get()).inCompartmentWithFilter("Patient", owner, query(scope.filter()));
		} else {
			types(scope, allow.get()).inModifiedCompartment("Patient", owner, compartment.modifications());
		}
		if (reading) {
			for (String shared : PatientCompartment.REFERENCE_DATA) {
				if (scope.coversType(shared)) {
					allow.get().resourcesOfType(shared).withAnyId();
				}
			}
		}
	}

	private static IAuthRuleBuilderRuleOpClassifier types(SmartScope scope, IAuthRuleBuilderRuleOp rule) {
		return SmartScope.ANY_TYPE.equals(scope.resourceType())
				? rule.allResources()
				: rule.resourcesOfType(scope.resourceType());
	}

	private static String query(Map<String, List<String>> filter) {
		return filter.entrySet().stream()
				.map(entry -> entry.getKey() + "=" + String.join(",", entry.getValue()))
				.collect(Collectors.joining("&"));
	}
}
