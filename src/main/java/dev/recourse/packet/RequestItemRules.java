package dev.recourse.packet;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The defaults of {@code rules/request-items.yaml} for items built from the denial: per product coding, the first
 * matching row; over a product's codings, a usable row before a refusing one, so a service named in HCPCS and RxNorm
 * is taken by its HCPCS code.
 */
final class RequestItemRules {
	static final String FILE = "rules/request-items.yaml";

	private final List<RequestItemRule> rows;

	RequestItemRules(List<RequestItemRule> rows) {
		this.rows = List.copyOf(rows);
	}

	static RequestItemRules load() {
		return load(FILE);
	}

	static RequestItemRules load(String resource) {
		return new RequestItemRules(RuleFile.load(resource, RequestItemRules::parse));
	}

	List<RequestItemRule> rows() {
		return rows;
	}

	/** The rule for a product: usable if any coding has one, else refusing if any has one, else none. */
	Optional<RequestItemRule> ruleFor(CodeableConcept product) {
		List<RequestItemRule> found = product.getCoding().stream().map(this::ruleFor).flatMap(Optional::stream).toList();
		return found.stream().filter(RequestItemRule::usable).findFirst().or(() -> found.stream().findFirst());
	}

	private Optional<RequestItemRule> ruleFor(Coding coding) {
		return rows.stream().filter(row -> row.matches(coding)).findFirst();
	}

	private static RequestItemRule parse(RuleRow row) {
		Citation citation = new Citation(row.required("citation"), row.confidence());
		Pattern pattern = pattern(row);
		Optional<String> refused = Optional.ofNullable(row.optional("refused")).filter(reason -> !reason.isBlank());
		if (refused.isPresent()) {
			if (row.optional("category") != null || row.optional("requestType") != null) {
				throw row.problem("a 'refused' row gives no category or requestType");
			}
			return new RequestItemRule(row.required("system"), pattern, Optional.empty(), Optional.empty(), refused, citation);
		}
		Coding category = new Coding(RequestItemRule.X12_1365, row.required("category"), row.required("categoryDisplay"));
		Coding requestType = new Coding(RequestItemRule.X12_1525, row.required("requestType"), row.required("requestTypeDisplay"));
		return new RequestItemRule(row.required("system"), pattern, Optional.of(category), Optional.of(requestType), Optional.empty(), citation);
	}

	private static Pattern pattern(RuleRow row) {
		String pattern = row.optional("codePattern");
		try {
			return pattern == null ? null : Pattern.compile(pattern);
		} catch (PatternSyntaxException e) {
			throw row.problem("'codePattern' is not a regular expression: " + e.getDescription());
		}
	}
}
