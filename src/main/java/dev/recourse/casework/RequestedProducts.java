package dev.recourse.casework;

import ca.uhn.fhir.repository.IRepository;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;

/** The drug or service a denial is about, as {@code system|code}: its added items' and the denied request's products. */
public final class RequestedProducts {
	private RequestedProducts() {
	}

	public static Set<String> of(ClaimResponse denial, IRepository store) {
		Set<String> codes = new HashSet<>();
		denial.getAddItem().forEach(item -> add(codes, item.getProductOrService()));
		if (denial.getRequest().hasReference()) {
			try {
				store.read(Claim.class, new IdType(denial.getRequest().getReference())).getItem()
						.forEach(item -> add(codes, item.getProductOrService()));
			} catch (BaseServerResponseException notHere) {
				// the original request is not on this server: the denial's own items are all there is
			}
		}
		return codes;
	}

	public static void add(Set<String> codes, CodeableConcept concept) {
		for (Coding coding : concept.getCoding()) {
			codes.add(coding.getSystem() + "|" + coding.getCode());
		}
	}
}
