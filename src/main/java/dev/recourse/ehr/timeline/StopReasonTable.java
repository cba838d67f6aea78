package dev.recourse.ehr.timeline;

import dev.recourse.denial.Citation;
import dev.recourse.denial.RuleFile;
import dev.recourse.denial.RuleRow;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * Maps a stop reason (MedicationRequest.statusReason, MedicationStatement.statusReason) to an outcome. Codes
 * are tried before phrases, because a code is a deliberate choice and free text may mention several things;
 * among phrases the first row in file order wins.
 */
final class StopReasonTable {

    static final String FILE = "rules/therapy-stop-reasons.yaml";

    private final List<StopReasonRule> rows;

    private StopReasonTable(List<StopReasonRule> rows) {
        this.rows = rows;
    }

    static StopReasonTable load() {
        return new StopReasonTable(RuleFile.load(FILE, StopReasonTable::parse));
    }

    List<StopReasonRule> rows() {
        return rows;
    }

    Optional<StopReasonRule> classify(CodeableConcept reason) {
        MedicationConcept words = MedicationConcept.of(reason);
        return rows.stream().filter(row -> row.isCoded() && words.hasCoding(row.system(), row.code())).findFirst()
                .or(() -> rows.stream().filter(row -> !row.isCoded() && words.mentions(row.phrasePattern()))
                        .findFirst());
    }

    private static StopReasonRule parse(RuleRow row) {
        String code = row.optional("code");
        String phrase = row.optional("phrase");
        if ((code == null) == (phrase == null)) {
            throw row.problem("needs exactly one of 'code' (with 'system') or 'phrase'");
        }
        String system = code == null ? null : row.required("system");
        return new StopReasonRule(system, code, phrase, TherapyOutcome.fromCode(row.required("outcome")),
                new Citation(row.required("citation"), row.confidence()));
    }
}
