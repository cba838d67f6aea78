package dev.recourse.payer;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.IModelVisitor2;
import dev.recourse.common.RecourseError;
import dev.recourse.common.RecourseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The received resources as this server keeps them: each under the submission's id for its fullUrl
 * ({@link Submission#copyId}), so nothing received ever lands on one of this deployment's own resources;
 * {@code meta.source} its fullUrl at the sender; its profiles, tags and security labels as sent. References are
 * rewritten: to another entry → that entry's copy; to anything else by absolute URL → kept, it names a resource at
 * the sender (or elsewhere); relative, made in an entry with a RESTful fullUrl → made absolute at that server. A
 * reference that names nothing in the Bundle and nowhere outside it (relative, in an entry known only by
 * {@code urn:uuid}) is refused: PAS requires every referenced resource inside, and a relative link would
 * otherwise point into this server's own records.
 */
final class ReceivedCopies {
	private final FhirContext fhirContext;
	private final Submission submission;
	private final BundleIndex index;

	ReceivedCopies(FhirContext fhirContext, Submission submission, BundleIndex index) {
		this.fhirContext = fhirContext;
		this.submission = submission;
		this.index = index;
	}

	/** A copy of every entry, in the Bundle's order; 422 naming the first reference that resolves nowhere. */
	List<Resource> all() {
		List<Resource> copies = new ArrayList<>();
		for (int i = 0; i < index.size(); i++) {
			copies.add(copy(i));
		}
		return copies;
	}

	/** {@code Type/id} of the copy of the entry a reference made in entry {@code from} points at, if it points at one. */
	Optional<String> copyOf(String reference, int from) {
		return index.resolve(reference, from).map(target -> {
			Bundle.BundleEntryComponent entry = index.entry(target);
			return submission.copyReference(entry.getResource(), entry.getFullUrl());
		});
	}

	private Resource copy(int i) {
		Bundle.BundleEntryComponent entry = index.entry(i);
		Resource copy = entry.getResource().copy();
		copy.setId(new IdType(copy.fhirType(), submission.copyId(entry.getFullUrl())));
		Meta meta = new Meta().setProfile(copy.getMeta().getProfile()).setSecurity(copy.getMeta().getSecurity())
				.setTag(copy.getMeta().getTag());
		copy.setMeta(meta.setSource(entry.getFullUrl()));
		fhirContext.newTerser().visit(copy, new Rewriter(i));
		return copy;
	}

	/** Rewrites each reference of one copy, knowing where it sits for the refusal's FHIRPath. */
	private final class Rewriter implements IModelVisitor2 {
		private final int entry;

		Rewriter(int entry) {
			this.entry = entry;
		}

		@Override
		public boolean acceptElement(IBase element, List<IBase> containing, List<BaseRuntimeChildDefinition> children,
				List<BaseRuntimeElementDefinition<?>> definitions) {
			if (element instanceof Reference reference && reference.hasReference() && !reference.getReference().startsWith("#")) {
				reference.setReference(rewritten(reference.getReference(), () -> path(children)));
			}
			return true;
		}

		private String rewritten(String value, java.util.function.Supplier<String> where) {
			return copyOf(value, entry).or(() -> index.absolute(value, entry)).orElseThrow(() -> new RecourseException(
					RecourseError.UNPROCESSABLE, where.get(), "The reference " + value + " in "
							+ index.entry(entry).getFullUrl() + " points at no entry of the Bundle and at no server: every "
							+ "resource a PAS request references is inside it, with that reference as its fullUrl"));
		}

		private String path(List<BaseRuntimeChildDefinition> children) {
			String elements = children.stream().map(BaseRuntimeChildDefinition::getElementName)
					.map(name -> name.replace("[x]", "")).collect(Collectors.joining("."));
			return "Bundle.entry[" + entry + "].resource" + (elements.isEmpty() ? "" : "." + elements);
		}
	}
}
