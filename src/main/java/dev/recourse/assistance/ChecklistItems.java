package dev.recourse.assistance;

import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.RuleRow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** rules/assistance-checklist.yaml: each assistance-document item and what the specialist gathers for it. */
final class ChecklistItems {
	static final String FILE = "rules/assistance-checklist.yaml";
	private final Map<String, String> texts;

	private ChecklistItems(Map<String, String> texts) {
		this.texts = texts;
	}

	static ChecklistItems load() {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Map.Entry<String, String> item : RuleFile.load(FILE, ChecklistItems::parse)) {
			if (texts.put(item.getKey(), item.getValue()) != null) {
				throw new RuleFileException(FILE + ": item " + item.getKey() + " appears twice");
			}
		}
		return new ChecklistItems(texts);
	}

	private static Map.Entry<String, String> parse(RuleRow row) {
		row.confidence();
		row.required("citation");
		return Map.entry(row.required("item"), row.required("text"));
	}

	Optional<String> text(String item) {
		return Optional.ofNullable(texts.get(item));
	}
}
