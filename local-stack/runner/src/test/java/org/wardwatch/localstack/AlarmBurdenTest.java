package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alarm burden of a replay, from its notification lines alone. */
class AlarmBurdenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId UTC = ZoneId.of("UTC");

    static ObjectNode line(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static final List<ObjectNode> SHIFT = List.of(
            line("{\"device\":\"icu3-bed12-spo2\",\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":90,\"deviceTime\":\"2026-11-24T22:10:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"),
            line("{\"device\":\"icu3-bed12-bp\",\"type\":\"THRESHOLD\",\"metric\":\"systolic_bp\",\"severity\":\"CRITICAL\",\"transition\":\"OPENED\",\"value\":88,\"deviceTime\":\"2026-11-24T22:11:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"),
            line("{\"device\":\"icu3-bed12-spo2\",\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"WARNING\",\"transition\":\"RESOLVED\",\"value\":97,\"deviceTime\":\"2026-11-25T00:30:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"),
            line("{\"device\":\"icu3-bed2-spo2\",\"type\":\"DEVICE\",\"metric\":\"battery\",\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":12,\"deviceTime\":\"2026-11-24T23:00:00Z\",\"ward\":\"ICU-3\",\"bed\":\"2\"}"),
            line("{\"type\":\"NEWS2\",\"ward\":\"ICU-3\",\"bed\":\"2\",\"score\":8,\"severity\":\"CRITICAL\",\"transition\":\"OPENED\",\"partial\":false,\"deviceTime\":\"2026-11-24T23:05:00Z\"}"),
            line("{\"device\":\"w5-room3-env\",\"type\":\"ENVIRONMENT\",\"metric\":\"co2\",\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":1250,\"deviceTime\":\"2026-11-24T23:10:00Z\",\"ward\":\"W5\",\"room\":\"3\"}"),
            line("{\"device\":\"pharmacy-fridge-1\",\"type\":\"COLD_CHAIN\",\"metric\":\"door_open\",\"severity\":\"WARNING\",\"transition\":\"OPENED\",\"value\":true,\"deviceTime\":\"2026-11-24T23:20:00Z\",\"ward\":\"Pharmacy\"}"));

    @Test
    void theTable_hasARowPerPlaceAndLocalDay_bedsInNumberOrder_countsByTypeAndSeverity_andTheMeanPerBedDay() {
        String table = AlarmBurden.table(List.of(AlarmBurden.of(SHIFT, UTC)), UTC);

        assertThat(table).isEqualTo("""
                place                       day (UTC)   COLD_CHAIN WARNING  DEVICE WARNING  ENVIRONMENT WARNING  NEWS2 CRITICAL  THRESHOLD CRITICAL  THRESHOLD WARNING  total  opened
                ICU-3 bed 2                 2026-11-24                   0               1                    0               1                   0                  0      2       2
                ICU-3 bed 12                2026-11-24                   0               0                    0               0                   1                  1      2       2
                ICU-3 bed 12                2026-11-25                   0               0                    0               0                   0                  1      1       0
                Pharmacy pharmacy-fridge-1  2026-11-24                   1               0                    0               0                   0                  0      1       1
                W5 room 3                   2026-11-24                   0               0                    1               0                   0                  0      1       1
                mean per bed-day            3 bed-days                 0.0             0.3                  0.0             0.3                 0.3                0.7    1.7     1.3
                """);
    }

    @Test
    void localDays_areTheTenantsTimeZones() {
        AlarmBurden sydney = AlarmBurden.of(SHIFT.subList(0, 3), ZoneId.of("Australia/Sydney"));

        assertThat(sydney.rows().keySet()).extracting(AlarmBurden.Key::day)
                .containsExactly(LocalDate.parse("2026-11-25"));
        assertThat(sydney.rows().values().iterator().next().total()).isEqualTo(3);
        assertThat(sydney.meanPerBedDay(AlarmBurden.OPENED)).isEqualTo(2.0);
    }

    @Test
    void thePlaceOfANotification_isItsBed_elseItsRoom_elseItsDevice() {
        assertThat(SHIFT.stream().map(AlarmBurden::place).distinct()).containsExactly("ICU-3 bed 12", "ICU-3 bed 2",
                "W5 room 3", "Pharmacy pharmacy-fridge-1");
    }

    @Test
    void aRunWithoutNotifications_isAHeaderAndAMeanOfNothing() {
        assertThat(AlarmBurden.table(List.of(AlarmBurden.of(List.of(), UTC)), UTC)).isEqualTo("""
                place             day (UTC)   total  opened
                mean per bed-day  0 bed-days    0.0     0.0
                """);
    }

    @Test
    void remindersAndPagesToFurtherTiers_countAsMessagesSent_notAsAlertsOpened_onTheDayOfTheirTime() {
        List<ObjectNode> lines = List.of(
                line("{\"device\":\"icu3-bed12-spo2\",\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"OPENED\",\"value\":84,\"deviceTime\":\"2026-11-24T23:58:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"),
                line("{\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"REMINDER\",\"tier\":1,\"time\":\"2026-11-25T00:01:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"),
                line("{\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"UNACKNOWLEDGED\",\"tier\":2,\"time\":\"2026-11-25T00:03:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"),
                line("{\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"CRITICAL\",\"transition\":\"ACKNOWLEDGED\",\"tiers\":[1,2],\"by\":\"nurse-0017\",\"time\":\"2026-11-25T00:04:00Z\",\"ward\":\"ICU-3\",\"bed\":\"12\"}"));

        AlarmBurden burden = AlarmBurden.of(lines, UTC);

        AlarmBurden.Counts nextDay = burden.rows().get(new AlarmBurden.Key("ICU-3 bed 12", true, LocalDate.parse("2026-11-25")));
        assertThat(nextDay.total()).isEqualTo(3);
        assertThat(nextDay.of("THRESHOLD CRITICAL")).isEqualTo(3);
        assertThat(nextDay.opened()).isZero();
        assertThat(burden.rows().get(new AlarmBurden.Key("ICU-3 bed 12", true, LocalDate.parse("2026-11-24"))).opened())
                .isEqualTo(1);
    }
}
