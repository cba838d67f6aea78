package dev.recourse.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Reading a payer's notification: the PAS guide's own example, and each departure from its shape named by element. */
class DecisionNoticeReaderTest {
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final String EXAMPLE = "/fixtures/davinci-pas-2.2.1/Bundle-PASSubscriptionNotification.json";

	@Test
	void pasExample_isOneEvent_focusedOnTheResponseBundle_keyedByItsIdentifier() throws IOException {
		DecisionNotice notice = DecisionNoticeReader.read(FHIR, example());

		assertThat(notice.carriesEvents()).isTrue();
		assertThat(notice.events()).singleElement().satisfies(event -> {
			assertThat(event.number()).isEqualTo("2");
			assertThat(event.key()).isEqualTo("A12345");
			assertThat(event.timestamp()).isNotNull();
			assertThat(event.response().getEntryFirstRep().getResource()).isInstanceOf(ClaimResponse.class);
			assertThat(event.element()).isEqualTo("Bundle.entry[1].resource");
		});
	}

	@Test
	void handshakeAndHeartbeat_carryNoEvents() throws IOException {
		for (String type : new String[] {"handshake", "heartbeat"}) {
			Bundle notification = parse(example());
			status(notification).getParameter("type").setValue(new CodeType(type));
			notification.getEntry().remove(1);
			status(notification).getParameter().removeIf(parameter -> parameter.getName().equals("notification-event"));

			DecisionNotice notice = DecisionNoticeReader.read(FHIR, encode(notification));

			assertThat(notice.carriesEvents()).isFalse();
			assertThat(notice.events()).isEmpty();
		}
	}

	@Test
	void notJson_is400() {
		assertRefused("this is not JSON", RecourseError.INVALID_INPUT, null);
	}

	@Test
	void notAHistoryBundle_is422_atBundleType() throws IOException {
		Bundle notification = parse(example()).setType(Bundle.BundleType.COLLECTION);
		assertRefused(encode(notification), RecourseError.UNPROCESSABLE, "Bundle.type");
		assertRefused("{\"resourceType\":\"Parameters\"}", RecourseError.UNPROCESSABLE, "Bundle.type");
	}

	@Test
	void noStatusOrUnknownType_is422_atTheStatus() throws IOException {
		Bundle noStatus = parse(example());
		noStatus.getEntry().remove(0);
		assertRefused(encode(noStatus), RecourseError.UNPROCESSABLE, "Bundle.entry[0].resource");
		Bundle oddType = parse(example());
		status(oddType).getParameter("type").setValue(new CodeType("decision"));
		assertRefused(encode(oddType), RecourseError.UNPROCESSABLE, "Bundle.entry[0].resource.parameter('type')");
	}

	@Test
	void eventWithoutFocus_orFocusOnNoEntry_is422_atTheFocus() throws IOException {
		Bundle noFocus = parse(example());
		event(noFocus).getPart().removeIf(part -> part.getName().equals("focus"));
		assertRefused(encode(noFocus), RecourseError.UNPROCESSABLE, "Bundle.entry[0].resource.parameter('notification-event')[0].part('focus')");
		Bundle elsewhere = parse(example());
		event(elsewhere).getPart().stream().filter(part -> part.getName().equals("focus")).findFirst().orElseThrow()
				.setValue(new Reference("http://example.org/Bundle/other"));
		assertRefused(encode(elsewhere), RecourseError.UNPROCESSABLE, "Bundle.entry[0].resource.parameter('notification-event')[0].part('focus')");
	}

	@Test
	void responseWithoutIdentifier_orClaimResponseNotFirst_is422_atTheResponse() throws IOException {
		Bundle noIdentifier = parse(example());
		((Bundle) noIdentifier.getEntry().get(1).getResource()).setIdentifier(null);
		assertRefused(encode(noIdentifier), RecourseError.UNPROCESSABLE, "Bundle.entry[1].resource.identifier");
		Bundle reordered = parse(example());
		Bundle response = (Bundle) reordered.getEntry().get(1).getResource();
		response.getEntry().add(response.getEntry().remove(0));
		assertRefused(encode(reordered), RecourseError.UNPROCESSABLE, "Bundle.entry[1].resource.entry[0].resource");
	}

	private static void assertRefused(String body, RecourseError error, String element) {
		assertThatThrownBy(() -> DecisionNoticeReader.read(FHIR, body)).isInstanceOfSatisfying(RecourseException.class, refusal -> {
			assertThat(refusal.error()).isEqualTo(error);
			assertThat(refusal.element()).isEqualTo(element);
		});
	}

	private static Parameters status(Bundle notification) {
		return (Parameters) notification.getEntryFirstRep().getResource();
	}

	private static Parameters.ParametersParameterComponent event(Bundle notification) {
		return status(notification).getParameter("notification-event");
	}

	private static Bundle parse(String json) {
		return FHIR.newJsonParser().parseResource(Bundle.class, json);
	}

	private static String encode(Bundle bundle) {
		return FHIR.newJsonParser().encodeResourceToString(bundle);
	}

	private String example() throws IOException {
		try (InputStream in = getClass().getResourceAsStream(EXAMPLE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
