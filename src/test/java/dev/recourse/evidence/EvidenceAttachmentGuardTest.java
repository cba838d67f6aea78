package dev.recourse.evidence;

import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dev.recourse.common.RecourseError;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EvidenceAttachmentGuardTest {
	private final AttachmentGuard guard = new AttachmentGuard(new AttachmentRules(EvidenceProperties.defaults()));

	@ParameterizedTest
	@EnumSource(value = RestOperationTypeEnum.class, names = {"CREATE", "UPDATE", "PATCH", "TRANSACTION", "BATCH"})
	void clientWrites_areChecked(RestOperationTypeEnum operation) {
		EvidenceAttachmentRulesTest.assertRefused(() -> guard.check(mislabelled(), request(operation)), RecourseError.UNPROCESSABLE,
				"DocumentReference.content[0].attachment.data");
		EvidenceAttachmentRulesTest.assertRefused(
				() -> guard.check(new Binary().setContentType("image/png").setData(EvidenceAttachmentRulesTest.PDF), request(operation)),
				RecourseError.UNPROCESSABLE, "Binary.data");
	}

	@Test
	void copiesAnOperationStores_areKeptAsTheEhrHasThem() {
		assertThatCode(() -> guard.check(mislabelled(), request(RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE))).doesNotThrowAnyException();
		assertThatCode(() -> guard.check(mislabelled(), new SystemRequestDetails())).doesNotThrowAnyException();
		assertThatCode(() -> guard.check(mislabelled(), null)).doesNotThrowAnyException();
	}

	@Test
	void evidence_isCheckedWhoeverWritesIt() {
		DocumentReference evidence = mislabelled();
		evidence.getMeta().addProfile(EvidenceDocuments.PROFILE);

		EvidenceAttachmentRulesTest.assertRefused(() -> guard.check(evidence, request(RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE)),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.data");
	}

	private static DocumentReference mislabelled() {
		return EvidenceAttachmentRulesTest.document(EvidenceAttachmentRulesTest.attachment("image/png", EvidenceAttachmentRulesTest.PDF));
	}

	private static SystemRequestDetails request(RestOperationTypeEnum operation) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setRestOperationType(operation);
		return request;
	}
}
