package dev.recourse.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.security.SmartScope.Context;
import dev.recourse.security.SmartScope.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopeTest {

	@ParameterizedTest
	@CsvSource({
		"patient/Observation.read, PATIENT, Observation, RS",
		"user/Task.write, USER, Task, CUD",
		"system/*.*, SYSTEM, *, CRUDS",
		"patient/Observation.rs, PATIENT, Observation, RS",
		"system/*.cruds, SYSTEM, *, CRUDS",
		"user/Task.cu, USER, Task, CU",
		"patient/Condition.s, PATIENT, Condition, S"
	})
	void parse_v1AndV2(String scope, Context context, String type, String letters) {
		SmartScope parsed = SmartScope.parse(scope).orElseThrow();

		assertThat(parsed.context()).isEqualTo(context);
		assertThat(parsed.resourceType()).isEqualTo(type);
		EnumSet<Verb> expected = EnumSet.noneOf(Verb.class);
		for (Verb verb : Verb.values()) {
			if (letters.indexOf(Character.toUpperCase(verb.letter())) >= 0) {
				expected.add(verb);
			}
		}
		assertThat(parsed.verbs()).isEqualTo(expected);
	}

	@Test
	void parse_v2Filter() {
		SmartScope scope = SmartScope.parse(
				"patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category%7Claboratory").orElseThrow();

		assertThat(scope.isNarrowed()).isTrue();
		assertThat(scope.filter()).isEqualTo(Map.of("category",
				List.of("http://terminology.hl7.org/CodeSystem/observation-category|laboratory")));
	}

	@ParameterizedTest
	@ValueSource(strings = {"openid", "fhirUser", "launch", "launch/patient", "offline_access", "patient/Observation.",
		"patient/Observation.rc", "patient/Observation.x", "practitioner/Observation.read", "patient/Observation.rs?category",
		"patient/Observation.rs?=x", "system/Observation.readwrite"})
	void parse_nonClinicalOrMalformed_isEmpty(String scope) {
		assertThat(SmartScope.parse(scope)).isEmpty();
	}

	@Test
	void callerFactory_readsSmartClaims() {
		Caller caller = new CallerFactory(java.util.Set.of("payer-1")).fromClaims(Map.of(
				"client_id", "payer-1", "sub", "payer-1", "scope", "system/Claim.rs openid", "jti", "t-1"));

		assertThat(caller.payer()).isTrue();
		assertThat(caller.user()).isEmpty();
		assertThat(caller.isBackendService()).isTrue();
		assertThat(caller.tokenId()).hasValue("t-1");
		assertThat(caller.scopes()).hasSize(1);
	}

	@Test
	void callerFactory_readsScopeArraysAndPatientContext() {
		Caller caller = new CallerFactory(java.util.Set.of()).fromClaims(Map.of(
				"azp", "app", "sub", "dr-1", "scp", List.of("patient/*.rs"), "patient", "123"));

		assertThat(caller.clientId()).isEqualTo("app");
		assertThat(caller.user()).hasValue("dr-1");
		assertThat(caller.patientId()).hasValue("123");
		assertThat(caller.confinedToPatient()).isTrue();
		assertThat(caller.may(Verb.SEARCH, "Observation")).isTrue();
		assertThat(caller.mayUnrestricted(Verb.SEARCH, "Observation")).isFalse();
	}
}
