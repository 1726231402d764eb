package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.localstack.AlarmBurdenTest.line;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One file under two tenant configurations: the burden side by side, and the alerts only one of them opened. */
class BurdenComparisonTest {

    private static final ObjectNode SPO2_OPENED = line("{\"device\":\"icu3-bed12-spo2\",\"type\":\"THRESHOLD\","
            + "\"metric\":\"spo2\",\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":90,"
            + "\"deviceTime\":\"2026-11-24T22:10:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}");
    private static final ObjectNode SPO2_RESOLVED = line("{\"device\":\"icu3-bed12-spo2\",\"type\":\"THRESHOLD\","
            + "\"metric\":\"spo2\",\"severity\":\"WARNING\",\"transition\":\"RESOLVED\",\"value\":97,"
            + "\"deviceTime\":\"2026-11-24T22:16:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}");
    private static final ObjectNode HR_OPENED = line("{\"device\":\"icu3-bed12-spo2\",\"type\":\"THRESHOLD\","
            + "\"metric\":\"heart_rate\",\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":118,"
            + "\"deviceTime\":\"2026-11-24T22:10:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}");
    /** The same alert opened a minute later, under a longer delay. */
    private static final ObjectNode HR_OPENED_LATER = HR_OPENED.deepCopy().put("deviceTime", "2026-11-24T22:11:00Z");

    @Test
    void anAlertOpenedAtTheSameDeviceTimeForTheSameMetricAndPlace_isMatched_andOneOpenedLaterIsNot() {
        List<ObjectNode> shortDelays = List.of(SPO2_OPENED, HR_OPENED, SPO2_RESOLVED);
        List<ObjectNode> longDelays = List.of(SPO2_OPENED, HR_OPENED_LATER);

        assertThat(BurdenComparison.openedOnlyIn(shortDelays, longDelays)).containsExactly(HR_OPENED);
        assertThat(BurdenComparison.openedOnlyIn(longDelays, shortDelays)).containsExactly(HR_OPENED_LATER);
    }

    @Test
    void eachMatchIsUsedOnce_soTheSecondOfTwoEqualOpenings_isUnmatched() {
        assertThat(BurdenComparison.openedOnlyIn(List.of(SPO2_OPENED, SPO2_OPENED), List.of(SPO2_OPENED)))
                .containsExactly(SPO2_OPENED);
    }

    @Test
    void theReport_isOneTableWithBothRunsInEachCell_thenEachRunsUnmatchedOpenings() {
        String report = BurdenComparison.report("tenant.json", List.of(SPO2_OPENED, HR_OPENED, SPO2_RESOLVED),
                "slow.json", List.of(SPO2_OPENED), ZoneId.of("UTC"));

        assertThat(report).isEqualTo("""
                alarm burden, tenant.json | slow.json
                place             day (UTC)       THRESHOLD WARNING      total     opened
                ICU-3 bed 12      2026-11-24                  3 | 1      3 | 1      2 | 1
                mean per bed-day  1 | 1 bed-days          3.0 | 1.0  3.0 | 1.0  2.0 | 1.0

                opened under tenant.json, not under slow.json: 1
                  %s

                opened under slow.json, not under tenant.json: none
                """.formatted(HR_OPENED));
    }
}
