package dev.recourse.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.Test;

class EvidenceAttachmentRulesTest {
	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
	static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
	static final byte[] TIFF_LE = {'I', 'I', '*', 0, 8, 0, 0, 0};
	static final byte[] TIFF_BE = {'M', 'M', 0, '*', 0, 0, 0, 8};

	private final AttachmentRules rules = new AttachmentRules(new EvidenceProperties(null, 64));

	@Test
	void eachAllowedTypeWithMatchingBytes_isAccepted() {
		assertThatCode(() -> rules.check(document(attachment("application/pdf", PDF)))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(document(attachment("image/png", PNG)))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(document(attachment("image/jpeg", JPEG)))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(document(attachment("image/tiff", TIFF_LE)))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(document(attachment("image/tiff", TIFF_BE)))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(document(attachment("Text/Plain; charset=UTF-8", utf8("Bücher"))))).doesNotThrowAnyException();
		assertThatCode(() -> rules.check(document(attachment("text/html", utf8("<p>note</p>"))))).doesNotThrowAnyException();
	}

	@Test
	void sizeAndHash_whenGivenAndRight_areAccepted() {
		Attachment pdf = attachment("application/pdf", PDF).setSize(PDF.length).setHash(AttachmentRules.sha1(PDF));
		assertThatCode(() -> rules.check(document(pdf))).doesNotThrowAnyException();
	}

	@Test
	void urlOnly_checksTheContentTypeAlone() {
		assertThatCode(() -> rules.check(document(new Attachment().setContentType("application/pdf").setUrl("https://x/y.pdf").setSize(999))))
				.doesNotThrowAnyException();
		assertRefused(() -> rules.check(document(new Attachment().setContentType("application/zip").setUrl("https://x/y.zip"))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.contentType");
	}

	@Test
	void typeNotAllowed_is422AtContentType() {
		RecourseException refusal = assertRefused(() -> rules.check(document(attachment("application/x-msdownload", PDF))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.contentType");
		assertThat(refusal.getMessage()).contains("application/x-msdownload", "application/pdf");
	}

	@Test
	void dataWithoutContentType_is422AtContentType() {
		assertRefused(() -> rules.check(document(new Attachment().setData(PDF))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.contentType");
	}

	@Test
	void textInAnotherCharset_is422AtContentType() {
		assertRefused(() -> rules.check(document(attachment("text/plain; charset=ISO-8859-1", utf8("x")))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.contentType");
	}

	@Test
	void tooLarge_is413AtData() {
		RecourseException refusal = assertRefused(() -> rules.check(document(attachment("text/plain", new byte[65]))),
				RecourseError.TOO_LARGE, "DocumentReference.content[0].attachment.data");
		assertThat(refusal.getMessage()).contains("65", "64");
	}

	@Test
	void wrongSize_is422AtSize() {
		assertRefused(() -> rules.check(document(attachment("application/pdf", PDF).setSize(PDF.length + 1))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.size");
	}

	@Test
	void wrongHash_is422AtHash() {
		assertRefused(() -> rules.check(document(attachment("application/pdf", PDF).setHash(AttachmentRules.sha1(PNG)))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.hash");
	}

	@Test
	void pdfLabelledPng_is422AtData_sayingWhatItIs() {
		RecourseException refusal = assertRefused(() -> rules.check(document(attachment("image/png", PDF))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.data");
		assertThat(refusal.getMessage()).contains("a PDF", "image/png");
	}

	@Test
	void bytesOfNoKnownFormat_labelledPdf_is422AtData() {
		assertRefused(() -> rules.check(document(attachment("application/pdf", utf8("hello")))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.data");
	}

	@Test
	void jpegAndTiffMislabelled_are422() {
		assertRefused(() -> rules.check(document(attachment("image/jpeg", PNG))), RecourseError.UNPROCESSABLE,
				"DocumentReference.content[0].attachment.data");
		assertRefused(() -> rules.check(document(attachment("image/tiff", JPEG))), RecourseError.UNPROCESSABLE,
				"DocumentReference.content[0].attachment.data");
	}

	@Test
	void invalidUtf8OrBinaryAsText_is422AtData() {
		assertRefused(() -> rules.check(document(attachment("text/plain", new byte[] {'a', (byte) 0xC3, 0x28}))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.data");
		assertRefused(() -> rules.check(document(attachment("text/plain", PDF))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.data");
		assertRefused(() -> rules.check(document(attachment("text/html", new byte[] {'a', 0, 'b'}))),
				RecourseError.UNPROCESSABLE, "DocumentReference.content[0].attachment.data");
	}

	@Test
	void theFailingContentIsNamedByIndex() {
		DocumentReference document = document(attachment("application/pdf", PDF));
		document.addContent().setAttachment(attachment("image/png", JPEG));
		assertRefused(() -> rules.check(document), RecourseError.UNPROCESSABLE, "DocumentReference.content[1].attachment.data");
	}

	@Test
	void binary_isCheckedLikeAnAttachment() {
		assertThatCode(() -> rules.check(new Binary().setContentType("image/png").setData(PNG))).doesNotThrowAnyException();
		assertRefused(() -> rules.check(new Binary().setContentType("image/png").setData(PDF)), RecourseError.UNPROCESSABLE, "Binary.data");
		assertRefused(() -> rules.check(new Binary().setContentType("application/octet-stream").setData(PDF)),
				RecourseError.UNPROCESSABLE, "Binary.contentType");
		assertRefused(() -> rules.check(new Binary().setContentType("text/plain").setData(new byte[65])), RecourseError.TOO_LARGE, "Binary.data");
	}

	@Test
	void configuredTypes_replaceTheDefaults() {
		AttachmentRules pdfOnly = new AttachmentRules(new EvidenceProperties(List.of(" Application/PDF "), 0));
		assertThatCode(() -> pdfOnly.check(document(attachment("application/pdf", PDF)))).doesNotThrowAnyException();
		assertRefused(() -> pdfOnly.check(document(attachment("image/png", PNG))), RecourseError.UNPROCESSABLE,
				"DocumentReference.content[0].attachment.contentType");
		assertThat(EvidenceProperties.defaults().maxAttachmentBytes()).isEqualTo(20L * 1024 * 1024);
	}

	static RecourseException assertRefused(Runnable check, RecourseError error, String element) {
		RecourseException refusal = catchThrowableOfType(check::run, RecourseException.class);
		assertThat(refusal).as("refused").isNotNull();
		assertThat(refusal.error()).isEqualTo(error);
		assertThat(refusal.element()).isEqualTo(element);
		return refusal;
	}

	static Attachment attachment(String contentType, byte[] data) {
		return new Attachment().setContentType(contentType).setData(data);
	}

	static DocumentReference document(Attachment attachment) {
		DocumentReference document = new DocumentReference();
		document.addContent().setAttachment(attachment);
		return document;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
