package dev.recourse.letter;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import dev.recourse.common.StorageInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.springframework.stereotype.Component;

/**
 * A signed letter is frozen: once the stored version carries an authenticator, no update or delete of it is stored,
 * whoever asks and however (plain PUT, PATCH, transaction entry, $draft-letter). The prescriber signed that text; a
 * changed letter would go out over a signature it never had. A new letter is drafted for a new pathway instead.
 */
@Component
@Interceptor
public class SignedLetterGuard implements StorageInterceptor {
	static final String ELEMENT = "DocumentReference.authenticator";

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
		refuseIfSigned(oldResource, "changed");
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void beforeDelete(IBaseResource resource) {
		refuseIfSigned(resource, "deleted");
	}

	static void refuseIfSigned(IBaseResource stored, String what) {
		if (stored instanceof DocumentReference letter && letter.hasAuthenticator() && LetterDocument.isLetter(letter)) {
			throw new RecourseException(RecourseError.CONFLICT, ELEMENT, "DocumentReference/" + letter.getIdElement().getIdPart()
					+ " is a signed letter (authenticator set): it is final and cannot be " + what + ".");
		}
	}
}
