package dev.recourse.denial;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The phrase patterns of {@code rules/denial-phrases.yaml}, compiled once; a bad pattern fails the load. */
public final class PhraseRules {

    public static final String RESOURCE = "rules/denial-phrases.yaml";

    private final List<PhraseRule> rules;

    private PhraseRules(List<PhraseRule> rules) {
        this.rules = rules;
    }

    public static PhraseRules load() {
        return load(RESOURCE);
    }

    public static PhraseRules load(String resource) {
        return new PhraseRules(RuleFile.load(resource, PhraseRules::parse));
    }

    public List<PhraseRule> all() {
        return rules;
    }

    private static PhraseRule parse(RuleRow row) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(row.required("pattern"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw row.problem("'pattern' is not a valid regular expression: " + e.getDescription());
        }
        double weight = row.number("weight", -1);
        if (weight <= 0 || weight > 1) {
            throw row.problem("'weight' must be in (0, 1]");
        }
        return new PhraseRule(pattern, DenialCategory.fromCode(row.required("category")), weight,
                new Citation(row.required("citation"), row.confidence()));
    }
}
