package dev.recourse.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recourse.denial.RuleFileException;
import dev.recourse.denial.ServiceTiming;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClockRulesTest {

    private static final ClockRules CLOCKS = ClockRules.load();

    @Test
    void load_shippedFile_everyRowHasACitation() {
        assertThat(CLOCKS.size()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void find_byServiceTiming_picksTheRightRow() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        assertThat(CLOCKS.find("erisa-appeal-decision", ServiceTiming.PRE_SERVICE, on).orElseThrow().span())
                .isEqualTo(new Span(30, ClockUnit.CALENDAR_DAYS));
        assertThat(CLOCKS.find("erisa-appeal-decision", ServiceTiming.POST_SERVICE, on).orElseThrow().span())
                .isEqualTo(new Span(60, ClockUnit.CALENDAR_DAYS));
    }

    @Test
    void find_byEffectiveDate_usesThe2026Rule() {
        assertThat(CLOCKS.find("ma-organization-determination", null, LocalDate.of(2025, 12, 31))
                .orElseThrow().span().amount()).isEqualTo(14);
        assertThat(CLOCKS.find("ma-organization-determination", null, LocalDate.of(2026, 1, 1))
                .orElseThrow().span().amount()).isEqualTo(7);
    }

    @Test
    void load_unconfirmedRow_isRefusedNamingFileAndRow() {
        assertThatThrownBy(() -> ClockRules.load("rules/broken/clocks-unconfirmed.yaml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("rules/broken/clocks-unconfirmed.yaml row 2")
                .hasMessageContaining("unconfirmed");
    }

    @Test
    void load_badUnit_isRefusedNamingFileAndRow() {
        assertThatThrownBy(() -> ClockRules.load("rules/broken/clocks-bad-unit.yaml"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("fortnights");
    }

    @Test
    void load_missingFile_saysSo() {
        assertThatThrownBy(() -> ClockRules.load("rules/nope.yaml"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("not found");
    }
}
