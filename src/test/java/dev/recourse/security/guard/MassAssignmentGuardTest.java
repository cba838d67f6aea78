package dev.recourse.security.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import dev.recourse.common.RecourseException;
import dev.recourse.security.Caller;
import dev.recourse.security.guard.MassAssignmentPolicy.Label;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which writes the guard judges, and as whose: the hooks' wiring around {@link MassAssignmentPolicy}. */
class MassAssignmentGuardTest {
	private final MassAssignmentGuard guard = new MassAssignmentGuard();

	@Test
	void aWriteTheCallerSent_isJudged() {
		ServletRequestDetails request = httpRequest(Callers.patientApp());

		assertThatThrownBy(() -> guard.beforeCreate(tagged(), request)).isInstanceOf(RecourseException.class);
		assertThatThrownBy(() -> guard.beforeChosenId(new Observation(), request)).isInstanceOf(RecourseException.class);
	}

	@Test
	void aWriteAnOperationMakesOnTheCallersBehalf_isTheOperations() {
		ServletRequestDetails request = httpRequest(Callers.patientApp());
		request.setOperation("$open-case");

		assertThat(MassAssignmentGuard.callerSending(request)).isEmpty();
		assertThatCode(() -> guard.beforeChosenId(new Observation(), request)).doesNotThrowAnyException();
	}

	@Test
	void internalWrites_areNotJudged() {
		assertThat(MassAssignmentGuard.callerSending(new SystemRequestDetails())).isEmpty();
		assertThat(MassAssignmentGuard.callerSending(null)).isEmpty();
		assertThatCode(() -> guard.beforeCreate(tagged(), new SystemRequestDetails())).doesNotThrowAnyException();
	}

	@Test
	void httpRequestWithoutACaller_isNotJudged() {
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServletRequest(new MockHttpServletRequest());

		assertThat(MassAssignmentGuard.callerSending(request)).isEmpty();
	}

	@Test
	void backendService_mayLabel() {
		assertThatCode(() -> guard.beforeCreate(tagged(), httpRequest(Callers.backendService()))).doesNotThrowAnyException();
	}

	@Test
	void snapshotModeHeader_isReadAsHapiReadsIt() {
		ServletRequestDetails request = httpRequest(Callers.userApp());
		((MockHttpServletRequest) request.getServletRequest()).addHeader("X-Meta-Snapshot-Mode", "TAG, PROFILE");

		assertThat(MassAssignmentGuard.replacedLabels(request)).containsExactly(Label.TAG);
		assertThat(MassAssignmentGuard.replacedLabels(httpRequest(Callers.userApp()))).isEmpty();
	}

	@Test
	void droppingAStoredTagUnderSnapshotMode_isRefused() {
		ServletRequestDetails request = httpRequest(Callers.userApp());
		((MockHttpServletRequest) request.getServletRequest()).addHeader("X-Meta-Snapshot-Mode", "TAG");

		assertThatThrownBy(() -> guard.beforeUpdate(tagged(), new Observation(), request)).isInstanceOf(RecourseException.class);
		assertThatCode(() -> guard.beforeUpdate(tagged(), new Observation(), httpRequest(Callers.userApp())))
				.doesNotThrowAnyException();
	}

	@Test
	void metaAddAndMetaDelete_areRefusedToApps() {
		ServletRequestDetails request = httpRequest(Callers.patientApp());
		request.setOperation("$meta-delete");

		assertThatThrownBy(() -> guard.beforeHandling(request)).isInstanceOf(RecourseException.class);

		assertThatCode(() -> guard.beforeHandling(httpRequest(Callers.patientApp()))).doesNotThrowAnyException();
		ServletRequestDetails read = httpRequest(Callers.patientApp());
		read.setOperation("$meta");
		assertThatCode(() -> guard.beforeHandling(read)).doesNotThrowAnyException();
	}

	private static Observation tagged() {
		Observation observation = new Observation();
		observation.getMeta().addTag(new Coding("http://recourse.dev/fhir/CodeSystem/workflow", "urgent", null));
		return observation;
	}

	private static ServletRequestDetails httpRequest(Caller caller) {
		MockHttpServletRequest servlet = new MockHttpServletRequest();
		servlet.setAttribute(Caller.class.getName(), caller);
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServletRequest(servlet);
		return request;
	}
}
