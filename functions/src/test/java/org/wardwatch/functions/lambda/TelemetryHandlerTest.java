package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.wardwatch.functions.lambda.Telemetry.payload;
import static org.wardwatch.functions.lambda.Telemetry.reading;
import static org.wardwatch.functions.lambda.Telemetry.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.lambda.StaffInbox.Notification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class TelemetryHandlerTest {

    private final TestTenant tenant = TestTenant.get();

    @Test
    void acceptedMessages_answerDeviceBedAndLatestQueries() {
        tenant.registerDevice("icu3-bed12-spo2", "pulse_oximeter", "ICU-3", "12");
        send("icu3-bed12-spo2", payload("m-1", "2026-11-25T10:00:00Z",
                reading("spo2", 97, "%") + "," + reading("heart_rate", 72, "/min")))
                .body("outcome", equalTo("ACCEPTED")).body("readingsStored", equalTo(2));
        send("icu3-bed12-spo2", payload("m-2", "2026-11-25T10:01:00Z",
                reading("spo2", 96, "%") + "," + reading("heart_rate", 75, "/min")));
        send("icu3-bed12-spo2", payload("m-3", "2026-11-25T10:02:00Z",
                reading("spo2", 98, "%") + "," + reading("heart_rate", 70, "/min")));

        List<Map<String, AttributeValue>> byDevice = query(QueryRequest.builder().tableName(TestTenant.READINGS)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s("D#icu3-bed12-spo2"),
                        ":from", s("R#2026-11-25T10:00:00.000Z"), ":to", s("R#2026-11-25T10:01:00.000Z~")))
                .build());
        List<Map<String, AttributeValue>> byBed = query(QueryRequest.builder().tableName(TestTenant.READINGS)
                .indexName("byBed")
                .keyConditionExpression("bedKey = :bed AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":bed", s("ICU-3#12"),
                        ":from", s("R#2026-11-25T10:01:00.000Z"), ":to", s("R#2026-11-25T10:02:00.000Z~")))
                .build());
        Map<String, AttributeValue> latestSpo2 = tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS)
                .key(Map.of("pk", s("D#icu3-bed12-spo2"), "sk", s("L#spo2")))).item();

        assertThat(byDevice).extracting(i -> i.get("messageId").s()).containsExactly("m-1", "m-1", "m-2", "m-2");
        assertThat(byBed).extracting(i -> i.get("messageId").s()).containsExactly("m-2", "m-2", "m-3", "m-3");
        assertThat(latestSpo2.get("value").n()).isEqualTo("98");
        assertThat(latestSpo2.get("deviceTime").s()).isEqualTo("2026-11-25T10:02:00.000Z");
    }

    @Test
    void readingsInOtherUnits_areStoredCanonicalAndAsSent() {
        tenant.registerDevice("ward7-bed3-temp", "thermometer", "Ward-7", "3");
        tenant.registerDevice("ward7-bed3-gluc", "glucose_meter", "Ward-7", "3");

        send("ward7-bed3-temp", payload("t-1", "2026-11-25T10:00:00Z", reading("body_temperature", 100.4, "[degF]")));
        send("ward7-bed3-gluc", payload("g-1", "2026-11-25T10:00:00Z", reading("glucose", 5.5, "mmol/L")));

        Map<String, AttributeValue> temp = latest("ward7-bed3-temp", "body_temperature");
        Map<String, AttributeValue> glucose = latest("ward7-bed3-gluc", "glucose");
        assertThat(Double.parseDouble(temp.get("value").n())).isCloseTo(38.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(temp.get("unit").s()).isEqualTo("Cel");
        assertThat(temp.get("sentValue").n()).isEqualTo("100.4");
        assertThat(temp.get("sentUnit").s()).isEqualTo("[degF]");
        assertThat(Double.parseDouble(glucose.get("value").n())).isCloseTo(99.088, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(glucose.get("unit").s()).isEqualTo("mg/dL");
    }

    @Test
    void fullLifecycle_publishesExactlyFourNotifications() {
        tenant.registerDevice("icu1-bed4-bp", "bp_monitor", "ICU-1", "4");
        int[] heartRates = {115, 120, 135, 125, 80, 85};
        for (int i = 0; i < heartRates.length; i++) {
            send("icu1-bed4-bp", payload("hr-" + i, "2026-11-25T11:0" + i + ":00Z",
                    reading("heart_rate", heartRates[i], "/min")));
        }

        List<Notification> received = StaffInbox.forDevice("icu1-bed4-bp");

        assertThat(received).extracting(n -> n.attributes().get("transition"))
                .containsExactly("OPENED", "ESCALATED", "DOWNGRADED", "RESOLVED");
        assertThat(received).extracting(n -> n.attributes().get("severity"))
                .containsExactly("WARNING", "CRITICAL", "CRITICAL", "WARNING");
        assertThat(received).extracting(n -> n.text("value")).containsExactly("115", "135", "125", "80");
        assertThat(received).allSatisfy(n -> {
            assertThat(n.attributes()).containsEntry("type", "THRESHOLD").containsEntry("ward", "ICU-1");
            assertThat(n.text("sms")).hasSizeLessThanOrEqualTo(140).contains("ICU-1 bed 4")
                    .contains("#" + received.get(0).text("alertId"));
            assertThat(n.text("alertId")).isEqualTo(received.get(0).text("alertId"));
            assertThat(n.subject()).startsWith("[wardwatch]");
        });
        assertThat(received.get(1).text("sms")).startsWith("[wardwatch] CRITICAL HR 135 /min | ICU-1 bed 4 | escalated");
    }

    @Test
    void redeliveredMessage_storesNothingTwiceAndNotifiesNothingTwice() {
        tenant.registerDevice("icu2-bed1-spo2", "pulse_oximeter", "ICU-2", "1");
        String critical = payload("r-1", "2026-11-25T12:00:00Z", reading("spo2", 88, "%"));
        Map<String, Object> event = Telemetry.event("icu2-bed1-spo2", critical.getBytes(StandardCharsets.UTF_8));

        Telemetry.invoke(event).statusCode(200).body("outcome", equalTo("ACCEPTED")).body("notifications", equalTo(1));
        Telemetry.invoke(event).statusCode(200).body("outcome", equalTo("DUPLICATE")).body("notifications", equalTo(0));
        // the device retrying later with the same messageId is the same message
        Telemetry.invoke(Telemetry.event(TestTenant.ID, "icu2-bed1-spo2", "icu2-bed1-spo2",
                critical.getBytes(StandardCharsets.UTF_8), Telemetry.RECEIVED_AT.plusSeconds(30)))
                .statusCode(200).body("outcome", equalTo("DUPLICATE"));

        assertThat(readingsOf("icu2-bed1-spo2")).hasSize(1);
        assertThat(StaffInbox.forDevice("icu2-bed1-spo2")).hasSize(1);
    }

    @Test
    void lateReading_isStoredButChangesNoAlert() {
        tenant.registerDevice("icu2-bed2-spo2", "pulse_oximeter", "ICU-2", "2");
        send("icu2-bed2-spo2", payload("l-2", "2026-11-25T12:10:00Z", reading("spo2", 88, "%")));
        send("icu2-bed2-spo2", payload("l-1", "2026-11-25T12:05:00Z", reading("spo2", 98, "%")))
                .body("outcome", equalTo("ACCEPTED")).body("notifications", equalTo(0));

        assertThat(readingsOf("icu2-bed2-spo2")).extracting(i -> i.get("messageId").s()).containsExactly("l-1", "l-2");
        assertThat(tenant.bedParameter("ICU-2", "2", "spo2").get("severity").s()).isEqualTo("CRITICAL");
        assertThat(StaffInbox.forDevice("icu2-bed2-spo2")).extracting(n -> n.attributes().get("transition"))
                .containsExactly("OPENED");
    }

    @Test
    void readingLevelRejection_keepsTheValidReadingsOfTheMessage() {
        tenant.registerDevice("icu2-bed3-spo2", "pulse_oximeter", "ICU-2", "3");
        send("icu2-bed3-spo2", payload("p-1", "2026-11-25T12:00:00Z",
                reading("spo2", 101, "%") + "," + reading("heart_rate", 70, "/min")))
                .body("outcome", equalTo("ACCEPTED"))
                .body("readingsStored", equalTo(1)).body("readingsRejected", equalTo(1))
                .body("reasons", contains("VALUE_IMPOSSIBLE"));

        assertThat(readingsOf("icu2-bed3-spo2")).extracting(i -> i.get("metric").s()).containsExactly("heart_rate");
    }

    private Map<String, AttributeValue> latest(String thing, String metric) {
        return tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS)
                .key(Map.of("pk", s("D#" + thing), "sk", s("L#" + metric)))).item();
    }

    private List<Map<String, AttributeValue>> readingsOf(String thing) {
        return query(QueryRequest.builder().tableName(TestTenant.READINGS)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", s("D#" + thing), ":r", s("R#"))).build());
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        return tenant.dynamo.queryPaginator(request).items().stream().toList();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Test
    void lowBattery_warnsOnce_andResolvesWhenCharged() {
        tenant.registerDevice("bt-oximeter", "pulse_oximeter", "ICU-5", "3");
        String[] times = {"12:00", "12:01", "12:02", "12:03"};
        String[] levels = {"0.20", "0.14", "0.10", "0.95"};
        for (int i = 0; i < times.length; i++) {
            send("bt-oximeter", payload("bt-" + i, "2026-11-25T" + times[i] + ":00Z", reading("spo2", 97, "%"))
                    .replace("\"battery\":0.8", "\"battery\":" + levels[i]));
        }

        assertThat(StaffInbox.forDevice("bt-oximeter")).satisfiesExactly(
                low -> {
                    assertThat(low.attributes()).containsEntry("type", "DEVICE").containsEntry("transition", "OPENED");
                    assertThat(low.text("metric")).isEqualTo("battery");
                    assertThat(low.text("sms")).contains("Low battery").contains("battery 14 %");
                },
                charged -> assertThat(charged.attributes()).containsEntry("transition", "RESOLVED"));
    }
}
