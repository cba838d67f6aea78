package dev.recourse.evidence;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import dev.recourse.common.Digests;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * One RecourseEvidence DocumentReference per distinct evidence source a criteria map cites (the {@code evidence}
 * extension on its items and answers): typed by what the source is ({@code rules/evidence-sources.yaml}), about
 * the case patient, described and rendered from the source's own data ({@link SourceFacts}), with
 * {@code context.related} → the source. A source that is a RecourseEvidence DocumentReference already is
 * returned as is. A clinical note's own attachment is carried when it passes the attachment checks; otherwise,
 * and for structured sources, a small UTF-8 text rendering of the facts (PAS requires inline data).
 *
 * <p>Ids derive from the case and the source ({@code evidence-} + SHA-256), so storing twice changes nothing:
 * the content depends only on the source, and its date is the source's last update.
 */
@Service
public class EvidenceDocuments {
	public static final String PROFILE = AttachmentGuard.EVIDENCE_PROFILE;
	static final String EVIDENCE_EXTENSION = "http://recourse.dev/fhir/StructureDefinition/evidence";
	static final String ARTIFACT_TYPES = dev.recourse.casework.CaseOutputs.ARTIFACT_TYPES;
	static final String TEXT = "text/plain; charset=utf-8";

	private final EvidenceSourceTable table;
	private final AttachmentRules attachments;

	@Autowired
	EvidenceDocuments(AttachmentRules attachments) {
		this(EvidenceSourceTable.load(), attachments);
	}

	EvidenceDocuments(EvidenceSourceTable table, AttachmentRules attachments) {
		this.table = table;
		this.attachments = attachments;
	}

	/** The evidence documents for the map's sources, in order of first citation, none of them stored. */
	public List<DocumentReference> build(QuestionnaireResponse map, Task caseTask, IRepository store) {
		Reference patient = patient(caseTask);
		List<DocumentReference> documents = new ArrayList<>();
		for (Map.Entry<String, String> cited : evidenceReferences(map).entrySet()) {
			documents.add(forSource(read(store, cited.getKey(), cited.getValue()), caseTask, patient));
		}
		return documents;
	}

	/**
	 * Builds the documents and stores the new ones in one transaction (PUT by derived id: again is no
	 * duplicate, and no new version when nothing changed); returns them as stored.
	 */
	public List<DocumentReference> store(QuestionnaireResponse map, Task caseTask, IRepository store) {
		List<DocumentReference> documents = build(map, caseTask, store);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (DocumentReference document : documents) {
			if (isDerived(document)) {
				transaction.addEntry().setResource(document).getRequest()
						.setMethod(Bundle.HTTPVerb.PUT).setUrl("DocumentReference/" + document.getIdElement().getIdPart());
			}
		}
		if (transaction.hasEntry()) {
			store.transaction(transaction);
		}
		return documents.stream()
				.map(document -> isDerived(document)
						? store.read(DocumentReference.class, new IdType("DocumentReference", document.getIdElement().getIdPart()))
						: document)
				.toList();
	}

	/** Our id for the evidence of {@code source} (unversioned {@code Type/id}) in a case. */
	static String evidenceId(String caseReference, String source) {
		return "evidence-" + Digests.sha256Hex(caseReference + "|" + source).substring(0, 40);
	}

	/** The distinct sources the map cites (unversioned {@code Type/id}), each with the path of its first citation. */
	public static Map<String, String> evidenceReferences(QuestionnaireResponse map) {
		Map<String, String> references = new LinkedHashMap<>();
		collect(map.getItem(), "QuestionnaireResponse", references);
		return references;
	}

	private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String path, Map<String, String> into) {
		for (int i = 0; i < items.size(); i++) {
			QuestionnaireResponse.QuestionnaireResponseItemComponent item = items.get(i);
			String itemPath = path + ".item[" + i + "]";
			cited(item.getExtension(), itemPath, into);
			for (int a = 0; a < item.getAnswer().size(); a++) {
				QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer = item.getAnswer().get(a);
				String answerPath = itemPath + ".answer[" + a + "]";
				cited(answer.getExtension(), answerPath, into);
				collect(answer.getItem(), answerPath, into);
			}
			collect(item.getItem(), itemPath, into);
		}
	}

	private static void cited(List<Extension> extensions, String path, Map<String, String> into) {
		for (int e = 0; e < extensions.size(); e++) {
			Extension extension = extensions.get(e);
			if (EVIDENCE_EXTENSION.equals(extension.getUrl()) && extension.getValue() instanceof Reference reference
					&& reference.hasReference()) {
				into.putIfAbsent(new IdType(reference.getReference()).toUnqualifiedVersionless().getValue(), path + ".extension[" + e + "]");
			}
		}
	}

	/** The evidence document for one source of a case (the source itself when it is evidence already). */
	DocumentReference forSource(Resource source, Task caseTask, Reference patient) {
		if (source instanceof DocumentReference document && AttachmentGuard.isEvidence(document)) {
			return document;
		}
		String sourceReference = source.getIdElement().toUnqualifiedVersionless().getValue();
		EvidenceSourceRule rule = ruleFor(source);
		SourceFacts facts = SourceFacts.of(source);
		DocumentReference evidence = new DocumentReference();
		evidence.setId(evidenceId(caseTask.getIdElement().toUnqualifiedVersionless().getValue(), sourceReference));
		evidence.getMeta().addProfile(PROFILE);
		evidence.setStatus(DocumentReferenceStatus.CURRENT);
		evidence.setType(documentType(source, rule));
		evidence.addCategory(new CodeableConcept(new Coding(ARTIFACT_TYPES, "evidence", "Evidence")));
		evidence.addCategory(new CodeableConcept(new Coding(EvidenceType.SYSTEM, rule.evidenceType().code(), rule.evidenceType().display())));
		evidence.setSubject(patient.copy());
		if (source.getMeta().hasLastUpdated()) {
			evidence.setDate(source.getMeta().getLastUpdated());
		}
		evidence.setDescription(facts.summary() == null || facts.summary().isBlank() ? source.fhirType() : facts.summary());
		evidence.addContent().setAttachment(attachment(source, sourceReference, facts));
		evidence.getContext().addRelated(new Reference(sourceReference));
		return evidence;
	}

	EvidenceSourceRule ruleFor(Resource source) {
		return table.ruleFor(source.fhirType(), categoryCodes(source));
	}

	private static Set<String> categoryCodes(Resource source) {
		List<CodeableConcept> categories = List.of();
		if (source instanceof org.hl7.fhir.r4.model.Observation observation) {
			categories = observation.getCategory();
		} else if (source instanceof org.hl7.fhir.r4.model.DiagnosticReport report) {
			categories = report.getCategory();
		} else if (source instanceof DocumentReference document) {
			categories = document.getCategory();
		}
		return categories.stream().flatMap(category -> category.getCoding().stream()).map(Coding::getCode)
				.filter(code -> code != null).collect(Collectors.toSet());
	}

	private static CodeableConcept documentType(Resource source, EvidenceSourceRule rule) {
		if (source instanceof DocumentReference note && note.hasType()) {
			return note.getType().copy();
		}
		return new CodeableConcept(rule.documentType().copy());
	}

	private Attachment attachment(Resource source, String sourceReference, SourceFacts facts) {
		if (source instanceof DocumentReference note) {
			for (DocumentReference.DocumentReferenceContentComponent content : note.getContent()) {
				if (content.getAttachment().hasData() && acceptable(content.getAttachment())) {
					return content.getAttachment().copy().setUrl(null);
				}
			}
		}
		StringBuilder text = new StringBuilder();
		facts.lines().forEach(line -> text.append(line).append('\n'));
		text.append("Source: ").append(sourceReference);
		if (source.getMeta().hasLastUpdated()) {
			text.append(" (last updated ").append(source.getMeta().getLastUpdatedElement().getValueAsString()).append(')');
		}
		text.append('\n');
		byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
		return new Attachment()
				.setContentType(TEXT)
				.setData(data)
				.setSize(data.length)
				.setHash(AttachmentRules.sha1(data))
				.setTitle(source.fhirType() + " facts");
	}

	private boolean acceptable(Attachment attachment) {
		try {
			attachments.check(attachment, "DocumentReference.content.attachment");
			return true;
		} catch (RecourseException e) {
			return false;
		}
	}

	public static boolean isDerived(DocumentReference document) {
		return document.getIdElement().getIdPart() != null && document.getIdElement().getIdPart().startsWith("evidence-");
	}

	private static Reference patient(Task caseTask) {
		if (!caseTask.hasFor() || !caseTask.getFor().hasReference()) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, "Task.for", "the case names no patient");
		}
		return new Reference(caseTask.getFor().getReference());
	}

	private static Resource read(IRepository store, String reference, String citedAt) {
		IdType id = new IdType(reference);
		if (!id.hasResourceType() || !id.hasIdPart() || id.isAbsolute() || reference.startsWith("#")) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, citedAt,
					"evidence must be a resource on this server (Type/id); '" + reference + "' is not");
		}
		Class<? extends Resource> type = resourceClass(id.getResourceType(), citedAt);
		try {
			return store.read(type, id);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, citedAt, "evidence " + reference + " is not on this server");
		}
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Resource> resourceClass(String type, String citedAt) {
		try {
			return (Class<? extends Resource>) Class.forName("org.hl7.fhir.r4.model." + type);
		} catch (ClassNotFoundException | ClassCastException e) {
			throw new RecourseException(RecourseError.UNPROCESSABLE, citedAt, "evidence names an unknown resource type '" + type + "'");
		}
	}
}
