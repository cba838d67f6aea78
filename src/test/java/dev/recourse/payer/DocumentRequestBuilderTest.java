package dev.recourse.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.common.RecourseException;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

class DocumentRequestBuilderTest {
	private static final Submission SUBMISSION = new Submission("pas-0123456789abcdef0123");

	@Test
	void twoCodesOnOneItem_oneTask_twoCommunicationRequests_namedByTheTask() {
		List<Resource> built = DocumentRequestBuilder.build(context(List.of(1)), ask("18748-4", "11506-3"), new Date());

		Task task = (Task) built.get(0);
		assertThat(task.getIdElement().getIdPart()).isEqualTo("pas-0123456789abcdef0123-docs-2");
		assertThat(task.getIdentifierFirstRep().getValue()).isEqualTo(SUBMISSION.trackingNumber());
		assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo(Pas.ATTACHMENT_REQUEST);
		assertThat(task.getOwner().getIdentifier().getValue()).isEqualTo("8189991234");
		assertThat(task.getInput()).hasSize(3);
		assertThat(task.getInput().get(0).getValue().primitiveValue()).isEqualTo("http://payer.test/fhir");
		assertThat(((CodeableConcept) task.getInput().get(2).getValue()).getCodingFirstRep().getCode()).isEqualTo("11506-3");
		assertThat(((PositiveIntType) task.getInput().get(2).getExtensionByUrl(Pas.SERVICE_LINE_NUMBER).getValue()).getValue()).isEqualTo(1);
		assertThat(task.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2030-01-31");
		assertThat(built.subList(1, 3)).allSatisfy(resource -> {
			CommunicationRequest asked = (CommunicationRequest) resource;
			assertThat(asked.getStatus()).isEqualTo(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
			assertThat(asked.getIdentifier()).hasSize(1);
			assertThat(Submission.documentRequestOf(asked.getIdElement().getIdPart())).isEqualTo(task.getIdElement().getIdPart());
		});
		assertThat(task.getBasedOn()).extracting(Reference::getReference)
				.containsExactly("CommunicationRequest/pas-0123456789abcdef0123-docs-2-1", "CommunicationRequest/pas-0123456789abcdef0123-docs-2-2");
	}

	@Test
	void aCodeThatIsNotLoinc_isRefused_namingCode() {
		assertThatThrownBy(() -> DocumentRequestAsk.of(List.of(new Coding("http://snomed.info/sct", "1", null)), null, null, null))
				.isInstanceOf(RecourseException.class).hasMessageContaining("LOINC");
	}

	private static DocumentRequestBuilder.Context context(List<Integer> items) {
		return new DocumentRequestBuilder.Context(SUBMISSION, 2, "Claim/c", "Patient/p", new Reference("Organization/i"),
				new Identifier().setSystem(Pas.NPI).setValue("1234567893"), new Identifier().setSystem(Pas.NPI).setValue("8189991234"),
				"http://payer.test/fhir", items);
	}

	private static DocumentRequestAsk ask(String... codes) {
		return DocumentRequestAsk.of(java.util.Arrays.stream(codes).map(code -> new Coding(Pas.LOINC, code, null)).toList(), List.of(),
				new StringType("MRI please"), new DateType("2030-01-31"));
	}
}
