package dev.recourse.evidence;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import dev.recourse.common.StorageInterceptor;
import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * Attachments are checked ({@link AttachmentRules}) on every create, update and patch of a DocumentReference or
 * Binary a client sends through the FHIR API, entries of batches and transactions included — hence a storage
 * hook, run before profile enforcement so the answer names the attachment's problem. Also on every RecourseEvidence
 * DocumentReference whoever writes it, since evidence goes into packets.
 *
 * <p>Not checked: copies an operation stores of what an EHR holds ({@code $pull-history}). They record the
 * chart as it is, C-CDA XML and all; refusing one would drop the whole pull. Evidence made from them is
 * checked when it is written.
 */
@Component
@Interceptor
public class AttachmentGuard implements StorageInterceptor {
	static final String EVIDENCE_PROFILE = "http://recourse.dev/fhir/StructureDefinition/recourse-evidence";
	// an EnumSet: Set.of(...).contains(null) throws, and internal requests carry no operation type
	private static final Set<RestOperationTypeEnum> CLIENT_WRITES = EnumSet.of(
			RestOperationTypeEnum.CREATE,
			RestOperationTypeEnum.UPDATE,
			RestOperationTypeEnum.PATCH,
			RestOperationTypeEnum.TRANSACTION,
			RestOperationTypeEnum.BATCH);

	private final AttachmentRules rules;

	AttachmentGuard(AttachmentRules rules) {
		this.rules = rules;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = -10)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		check(resource, request);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = -10)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource, RequestDetails request) {
		check(newResource, request);
	}

	void check(IBaseResource resource, RequestDetails request) {
		if (resource instanceof DocumentReference document && (fromClient(request) || isEvidence(document))) {
			rules.check(document);
		} else if (resource instanceof Binary binary && fromClient(request)) {
			rules.check(binary);
		}
	}

	static boolean fromClient(RequestDetails request) {
		return request != null && CLIENT_WRITES.contains(request.getRestOperationType());
	}

	static boolean isEvidence(DocumentReference document) {
		return document.getMeta().getProfile().stream().anyMatch(profile -> EVIDENCE_PROFILE.equals(profile.getValue()));
	}
}
