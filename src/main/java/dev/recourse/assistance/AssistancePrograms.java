package dev.recourse.assistance;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.RuleRow;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * rules/assistance-programs.yaml, checked on load: ids unique, RxNorm digits, a known kind, copay cards excluded from
 * federal programmes (the statute leaves no other reading), checklist items that assistance-checklist.yaml defines.
 */
final class AssistancePrograms {
	static final String FILE = "rules/assistance-programs.yaml";
	private final List<AssistanceProgram> programs;

	private AssistancePrograms(List<AssistanceProgram> programs) {
		this.programs = programs;
	}

	static AssistancePrograms load(ChecklistItems items) {
		return load(FILE, items);
	}

	static AssistancePrograms load(String resource, ChecklistItems items) {
		List<AssistanceProgram> programs = RuleFile.load(resource, row -> parse(row, items));
		Set<String> ids = new HashSet<>();
		for (AssistanceProgram program : programs) {
			if (!ids.add(program.id())) {
				throw new RuleFileException(resource + ": programme id " + program.id() + " appears twice");
			}
		}
		return new AssistancePrograms(programs);
	}

	/** The programmes for a drug requested by any of these codes ({@code system|code}), in file order. */
	List<AssistanceProgram> forProducts(Set<String> requested) {
		return programs.stream().filter(program -> program.products().stream().anyMatch(requested::contains)).toList();
	}

	Optional<AssistanceProgram> byId(String id) {
		return programs.stream().filter(program -> program.id().equals(id)).findFirst();
	}

	private static AssistanceProgram parse(RuleRow row, ChecklistItems items) {
		String rxcui = row.required("rxcui");
		if (!rxcui.matches("\\d+")) {
			throw row.problem("'rxcui' must be digits, not '" + rxcui + "'");
		}
		Set<String> products = new LinkedHashSet<>();
		products.add(AssistanceProgram.RXNORM + "|" + rxcui);
		for (String product : row.list("products")) {
			if (!product.matches("[^|\\s]+\\|[^|\\s]+")) {
				throw row.problem("a product must be system|code, not '" + product + "'");
			}
			products.add(product);
		}
		AssistanceProgram.Kind kind = kind(row);
		boolean federalExcluded = federal(row);
		if (kind == AssistanceProgram.Kind.COPAY_CARD && !federalExcluded) {
			throw row.problem("a copay card must be 'federal: excluded' (42 U.S.C. 1320a-7b(b))");
		}
		return new AssistanceProgram(row.required("id"), row.required("drug"), Set.copyOf(products), row.required("manufacturer"),
				row.required("name"), kind, federalExcluded, row.required("eligibility"), url(row), Optional.ofNullable(row.optional("phone")),
				checklist(row, items), new Citation(row.required("citation"), row.confidence()));
	}

	private static AssistanceProgram.Kind kind(RuleRow row) {
		try {
			return AssistanceProgram.Kind.fromCode(row.required("kind"));
		} catch (IllegalArgumentException e) {
			throw row.problem("'kind' must be copay-card, free-drug, bridge, foundation-referral or support-hub");
		}
	}

	private static boolean federal(RuleRow row) {
		return switch (row.required("federal")) {
			case "excluded" -> true;
			case "own-rules" -> false;
			default -> throw row.problem("'federal' must be excluded or own-rules");
		};
	}

	private static String url(RuleRow row) {
		String url = row.required("url");
		if (!url.startsWith("https://") && !url.startsWith("http://")) {
			throw row.problem("'url' must be an http(s) address");
		}
		return url;
	}

	private static List<String> checklist(RuleRow row, ChecklistItems items) {
		List<String> checklist = row.list("checklist");
		if (checklist.isEmpty()) {
			throw row.problem("'checklist' names no item");
		}
		for (String item : checklist) {
			if (items.text(item).isEmpty()) {
				throw row.problem("checklist item '" + item + "' is not in " + ChecklistItems.FILE);
			}
		}
		return List.copyOf(checklist);
	}
}
