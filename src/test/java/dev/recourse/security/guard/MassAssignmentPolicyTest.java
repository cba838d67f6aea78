package dev.recourse.security.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import dev.recourse.security.guard.MassAssignmentPolicy.Label;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MassAssignmentPolicyTest {
	private static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
	private static final String WORKFLOW = "http://recourse.dev/fhir/CodeSystem/workflow";

	static Stream<Caller> appCallers() {
		return Stream.of(Callers.patientApp(), Callers.userApp());
	}

	@ParameterizedTest
	@MethodSource("appCallers")
	void createWithASecurityLabel_byAnApp_is403NamingMetaSecurity(Caller app) {
		assertForbidden(() -> MassAssignmentPolicy.checkCreate(app, resource(meta().addSecurity(restricted()))), "Observation.meta.security");
	}

	@ParameterizedTest
	@MethodSource("appCallers")
	void createWithATag_byAnApp_is403NamingMetaTag(Caller app) {
		assertForbidden(() -> MassAssignmentPolicy.checkCreate(app, resource(meta().addTag(urgent()))), "Observation.meta.tag");
	}

	@ParameterizedTest
	@MethodSource("appCallers")
	void createWithoutLabels_byAnApp_passes(Caller app) {
		assertThatCode(() -> MassAssignmentPolicy.checkCreate(app, new Observation())).doesNotThrowAnyException();
	}

	@Test
	void createWithLabels_byABackendService_passes() {
		assertThatCode(() -> MassAssignmentPolicy.checkCreate(
				Callers.backendService(), resource(meta().addSecurity(restricted()).addTag(urgent()))))
				.doesNotThrowAnyException();
	}

	@Test
	void updateSendingTheStoredLabelsBack_passes() {
		Observation stored = resource(meta().addSecurity(restricted()).addTag(urgent()));
		Observation sent = resource(meta().addSecurity(restricted().setDisplay("restricted")).addTag(urgent()));

		assertThatCode(() -> MassAssignmentPolicy.checkUpdate(Callers.patientApp(), stored, sent, Set.of()))
				.doesNotThrowAnyException();
	}

	@Test
	void updateLeavingStoredLabelsOut_passes_becauseHapiKeepsThem() {
		Observation stored = resource(meta().addSecurity(restricted()).addTag(urgent()));

		assertThatCode(() -> MassAssignmentPolicy.checkUpdate(Callers.userApp(), stored, new Observation(), Set.of()))
				.doesNotThrowAnyException();
	}

	@Test
	void updateAddingATag_byAnApp_is403() {
		Observation stored = resource(meta().addTag(urgent()));
		Observation sent = resource(meta().addTag(urgent()).addTag(new Coding(WORKFLOW, "escalated", null)));

		assertForbidden(() -> MassAssignmentPolicy.checkUpdate(Callers.userApp(), stored, sent, Set.of()), "Observation.meta.tag");
	}

	@Test
	void updateChangingASecurityLabel_byAnApp_is403() {
		Observation stored = resource(meta().addSecurity(restricted()));
		Observation sent = resource(meta().addSecurity(new Coding(CONFIDENTIALITY, "N", null)));

		assertForbidden(() -> MassAssignmentPolicy.checkUpdate(Callers.patientApp(), stored, sent, Set.of()), "Observation.meta.security");
	}

	@Test
	void updateDroppingALabelInSnapshotMode_byAnApp_is403() {
		Observation stored = resource(meta().addSecurity(restricted()));

		assertForbidden(
				() -> MassAssignmentPolicy.checkUpdate(Callers.patientApp(), stored, new Observation(), Set.of(Label.SECURITY)),
				"Observation.meta.security");
	}

	@Test
	void updateDroppingATag_whenOnlySecurityLabelsAreReplaced_passes() {
		Observation stored = resource(meta().addTag(urgent()));

		assertThatCode(() -> MassAssignmentPolicy.checkUpdate(Callers.patientApp(), stored, new Observation(), Set.of(Label.SECURITY)))
				.doesNotThrowAnyException();
	}

	@Test
	void anyLabelChange_byABackendService_passes() {
		Observation stored = resource(meta().addSecurity(restricted()));
		Observation sent = resource(meta().addTag(urgent()));

		assertThatCode(() -> MassAssignmentPolicy.checkUpdate(Callers.backendService(), stored, sent, Set.of(Label.SECURITY, Label.TAG)))
				.doesNotThrowAnyException();
	}

	@Test
	void updateWithoutAStoredVersion_isJudgedLikeACreate() {
		assertForbidden(
				() -> MassAssignmentPolicy.checkUpdate(Callers.userApp(), null, resource(meta().addTag(urgent())), Set.of()),
				"Observation.meta.tag");
	}

	@ParameterizedTest
	@MethodSource("appCallers")
	void choosingAnId_byAnApp_is403NamingId(Caller app) {
		assertForbidden(() -> MassAssignmentPolicy.checkChosenId(app, new Observation()), "Observation.id");
	}

	@Test
	void choosingAnId_byABackendService_passes() {
		assertThatCode(() -> MassAssignmentPolicy.checkChosenId(Callers.backendService(), new Observation()))
				.doesNotThrowAnyException();
	}

	@Test
	void metaOperations_areForBackendServicesOnly() {
		assertForbidden(() -> MassAssignmentPolicy.checkMetaOperation(Callers.patientApp(), "$meta-add"), "meta");
		assertThatCode(() -> MassAssignmentPolicy.checkMetaOperation(Callers.backendService(), "$meta-delete"))
				.doesNotThrowAnyException();
	}

	private static Meta meta() {
		return new org.hl7.fhir.r4.model.Meta();
	}

	private static Observation resource(Meta meta) {
		Observation observation = new Observation();
		observation.setMeta(meta);
		return observation;
	}

	private static void assertForbidden(Runnable check, String element) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(RecourseException.class, e -> {
			assertThat(e.error()).isEqualTo(RecourseError.FORBIDDEN);
			assertThat(e.element()).isEqualTo(element);
		});
	}

	private static Coding restricted() {
		return new Coding(CONFIDENTIALITY, "R", null);
	}

	private static Coding urgent() {
		return new Coding(WORKFLOW, "urgent", null);
	}
}
