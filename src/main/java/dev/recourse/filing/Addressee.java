package dev.recourse.filing;

import dev.recourse.denial.SourceConfidence;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who receives a filing, as one row of the {@code rules/filing-addressees-*.yaml} files says.
 *
 * @param recipient whether the row's office receives it, the plan itself (named from the case), or nobody
 * @param name the office, or for {@link Recipient#NONE} why nothing is filed
 * @param address mailing address lines; empty when the office takes filings online or by telephone only
 * @param phone may be null; so may fax, web and email
 * @param unverified contact fields (address, phone, fax, web, email) the source did not show
 * @param process how the filing is handled there, in a sentence the letter and the specialist can use
 * @param citation the law that names this addressee
 * @param source where the contact details were read (URL)
 * @param jurisdiction when the office is not the one for every plan the row covers: which go elsewhere, and where; null
 *        when it is (the letter prints it for the specialist to check)
 */
public record Addressee(Recipient recipient, String name, List<String> address, String phone, String fax, String web,
		String email, Set<String> unverified, String process, String citation, String source, SourceConfidence confidence,
		String jurisdiction) {
	public static final Set<String> CONTACT_FIELDS = Set.of("address", "phone", "fax", "web", "email");

	public Addressee {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(name, "name");
		address = List.copyOf(address);
		unverified = Set.copyOf(unverified);
	}

	/** Whether the row has no mailing address and says the source did not show one: the letter leaves a gap to fill. */
	public boolean addressToFill() {
		return address.isEmpty() && isUnverified("address");
	}

	/** Whether a contact field is to be confirmed before the filing goes out (the whole row is when it is U). */
	public boolean isUnverified(String field) {
		return confidence == SourceConfidence.U || unverified.contains(field);
	}

	public enum Recipient {
		OFFICE, PLAN, NONE;

		static Recipient fromCode(String code) {
			return switch (code) {
				case "office" -> OFFICE;
				case "plan" -> PLAN;
				case "none" -> NONE;
				default -> throw new IllegalArgumentException("recipient must be office, plan or none, not '" + code + "'");
			};
		}
	}
}
