package dev.recourse.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;

/**
 * The items of a request built without the denied request, from the denial's {@code addItem}s: PAS ClaimResponse
 * items carry only an itemSequence into the request, so an addItem is the one place a denial says what service was
 * asked for. Each addItem naming a service gives one item (product, modifiers, serviced[x], place of service,
 * quantity, the order it stands for); its service type and request type come from the addItem's own PAS extensions,
 * else from {@code rules/request-items.yaml} by product code. What PAS requires and nothing supplies is a problem.
 */
record DenialItems(List<Claim.ItemComponent> items, List<PacketProblem> problems) {
	private static final String PAS = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/";
	static final String REQUESTED_SERVICE = PAS + "extension-requestedService";

	DenialItems {
		items = List.copyOf(items);
		problems = List.copyOf(problems);
	}

	/** The two codes PAS requires on every item that an addItem may carry as an extension (same URL on Claim.item). */
	private enum ItemCode {
		REQUEST_TYPE(PAS + "extension-serviceItemRequestType", "requestType", "request type (X12 1525)", RequestItemRule::requestType),
		CATEGORY(PAS + "extension-itemCategory", "category", "service type (X12 1365)", RequestItemRule::category);

		final String url;
		private final String slice;
		private final String meaning;
		private final Function<RequestItemRule, Optional<Coding>> fromRule;

		ItemCode(String url, String slice, String meaning, Function<RequestItemRule, Optional<Coding>> fromRule) {
			this.url = url;
			this.slice = slice;
			this.meaning = meaning;
			this.fromRule = fromRule;
		}
	}

	static DenialItems of(ClaimResponse denial, RequestItemRules rules) {
		List<Claim.ItemComponent> items = new ArrayList<>();
		List<PacketProblem> problems = new ArrayList<>();
		for (int position = 0; position < denial.getAddItem().size(); position++) {
			ClaimResponse.AddedItemComponent added = denial.getAddItem().get(position);
			if (added.hasProductOrService()) {
				items.add(item(added, rules, new Problems(position + 1, problems)).setSequence(items.size() + 1));
			}
		}
		if (items.isEmpty()) {
			problems.add(new PacketProblem("ClaimResponse.addItem.productOrService", "The denied request (Claim) is not on file and the denial "
					+ "names no service (no addItem with a productOrService): store the original PAS request, or record the denied service "
					+ "on the denial as an addItem"));
		}
		return new DenialItems(items, problems);
	}

	private static Claim.ItemComponent item(ClaimResponse.AddedItemComponent added, RequestItemRules rules, Problems problems) {
		Claim.ItemComponent item = new Claim.ItemComponent();
		Optional<RequestItemRule> rule = rules.ruleFor(added.getProductOrService());
		rule.filter(found -> !found.usable()).flatMap(RequestItemRule::refused)
				.ifPresent(reason -> problems.add("ClaimResponse.addItem.productOrService", reason));
		Optional<RequestItemRule> usable = rule.filter(RequestItemRule::usable);
		code(added, ItemCode.REQUEST_TYPE, usable, problems).ifPresent(type -> item.addExtension(ItemCode.REQUEST_TYPE.url, type));
		Extension order = added.getExtensionByUrl(REQUESTED_SERVICE);
		if (order != null) {
			item.addExtension(order.copy());
		}
		code(added, ItemCode.CATEGORY, usable, problems).ifPresent(item::setCategory);
		item.setProductOrService(added.getProductOrService().copy());
		added.getModifier().forEach(modifier -> item.addModifier(modifier.copy()));
		if (added.hasServiced()) {
			item.setServiced(added.getServiced().copy());
		}
		location(added, problems).ifPresent(item::setLocation);
		if (added.hasQuantity()) {
			item.setQuantity(added.getQuantity().copy());
		}
		return item;
	}

	/** The addItem's own code, else the rule's default for its product; never a guess beyond those. */
	private static Optional<CodeableConcept> code(ClaimResponse.AddedItemComponent added, ItemCode which, Optional<RequestItemRule> rule,
			Problems problems) {
		Extension extension = added.getExtensionByUrl(which.url);
		if (extension != null && extension.getValue() instanceof CodeableConcept concept && !concept.isEmpty()) {
			return Optional.of(concept.copy());
		}
		Optional<CodeableConcept> fallback = rule.flatMap(which.fromRule).map(coding -> new CodeableConcept(coding.copy()));
		if (fallback.isEmpty()) {
			problems.add("ClaimResponse.addItem.extension:" + which.slice, "PAS needs the " + which.meaning + " of every item; the denial's "
					+ "addItem gives none and " + RequestItemRules.FILE + " has none for its product code: store the original PAS request, "
					+ "or add the " + which.slice + " extension to the addItem");
		}
		return fallback;
	}

	/** PAS takes the place of service only as a code (X12 278 location type: CMS place of service, NUBC bill type). */
	private static Optional<CodeableConcept> location(ClaimResponse.AddedItemComponent added, Problems problems) {
		if (added.getLocation() instanceof CodeableConcept place && !place.isEmpty()) {
			return Optional.of(place.copy());
		}
		problems.add("ClaimResponse.addItem.location[x]", "PAS needs the place of service of every item as a code (locationCodeableConcept, "
				+ "e.g. CMS place of service 11 Office); the denial's addItem gives " + (added.hasLocation() ? "an address or a Location instead" : "none")
				+ ": store the original PAS request, or add the place of service to the addItem");
		return Optional.empty();
	}

	/** The problems of one addItem, each message saying which (its position on the denial, from 1). */
	private record Problems(int position, List<PacketProblem> list) {
		void add(String element, String message) {
			list.add(new PacketProblem(element, "addItem " + position + ": " + message));
		}
	}
}
