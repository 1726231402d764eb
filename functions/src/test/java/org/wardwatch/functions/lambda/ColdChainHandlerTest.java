package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.lambda.Telemetry.payload;
import static org.wardwatch.functions.lambda.Telemetry.reading;
import static org.wardwatch.functions.lambda.Telemetry.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.lambda.StaffInbox.Notification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Fridges through the handler against the emulator: excursions alerted, resolved, and logged. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class ColdChainHandlerTest {

    private final TestTenant tenant = TestTenant.get();

    private static String fridge(double celsius, boolean doorOpen) {
        return reading("storage_temperature", celsius, "Cel") + ",{\"metric\":\"door_open\",\"value\":" + doorOpen + "}";
    }

    @Test
    void excursion_isAlertedAfterFifteenMinutes_resolvedWithItsSummary_andLogged() {
        tenant.registerStorageSensor("cc-fridge-1", "Pharmacy", "vaccine_fridge");
        send("cc-fridge-1", payload("f-1", "2026-11-24T09:00:00Z", fridge(5.0, false)));
        send("cc-fridge-1", payload("f-2", "2026-11-24T09:05:00Z", fridge(9.0, false)));
        send("cc-fridge-1", payload("f-3", "2026-11-24T09:20:00Z", fridge(9.5, false)));
        send("cc-fridge-1", payload("f-4", "2026-11-24T09:30:00Z", fridge(6.0, false)));

        List<Notification> received = StaffInbox.forDevice("cc-fridge-1");
        assertThat(received).extracting(n -> n.attributes().get("transition")).containsExactly("OPENED", "RESOLVED");
        assertThat(received).allSatisfy(n -> {
            assertThat(n.attributes()).containsEntry("type", "COLD_CHAIN").containsEntry("ward", "Pharmacy")
                    .containsEntry("severity", "WARNING");
            assertThat(n.text("metric")).isEqualTo("storage_temperature");
            assertThat(n.text("sms")).hasSizeLessThanOrEqualTo(140).contains("cc-fridge-1");
        });
        assertThat(received.get(1).document().at("/coldChain/durationMinutes").asInt()).isEqualTo(25);
        assertThat(received.get(1).document().at("/coldChain/max").asText()).isEqualTo("9.5");

        Map<String, AttributeValue> logged = tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS)
                .key(Map.of("pk", AttributeValue.fromS("D#cc-fridge-1"),
                        "sk", AttributeValue.fromS("X#2026-11-24T09:05:00.000Z")))).item();
        assertThat(logged.get("end").s()).isEqualTo("2026-11-24T09:30:00.000Z");
        assertThat(logged.get("durationSeconds").n()).isEqualTo("1500");
        assertThat(logged.get("minTemperature").n()).isEqualTo("9");
        assertThat(logged.get("maxTemperature").n()).isEqualTo("9.5");
        assertThat(logged.get("alertSent").bool()).isTrue();
        assertThat(logged.get("maxSeverity").s()).isEqualTo("WARNING");
    }

    @Test
    void doorLeftOpen_warnsOnce_andResolvesWhenClosed_andRedeliveryRepeatsNothing() {
        tenant.registerStorageSensor("cc-fridge-2", "Pharmacy", "vaccine_fridge");
        send("cc-fridge-2", payload("d-1", "2026-11-24T10:00:00Z", fridge(5.0, true)));
        send("cc-fridge-2", payload("d-2", "2026-11-24T10:05:00Z", fridge(5.6, true)));
        send("cc-fridge-2", payload("d-2", "2026-11-24T10:05:00Z", fridge(5.6, true)));
        send("cc-fridge-2", payload("d-3", "2026-11-24T10:08:00Z", fridge(6.1, true)));
        send("cc-fridge-2", payload("d-4", "2026-11-24T10:09:00Z", fridge(5.4, false)));

        assertThat(StaffInbox.forDevice("cc-fridge-2")).extracting(n -> n.text("metric") + " " + n.text("transition"))
                .containsExactly("door_open OPENED", "door_open RESOLVED");
    }

    @Test
    void freezingFridge_isCriticalAtOnce() {
        tenant.registerStorageSensor("cc-fridge-3", "Pharmacy", "vaccine_fridge");
        send("cc-fridge-3", payload("z-1", "2026-11-24T11:00:00Z", fridge(-0.4, false)));

        assertThat(StaffInbox.forDevice("cc-fridge-3")).singleElement().satisfies(n -> {
            assertThat(n.attributes()).containsEntry("severity", "CRITICAL").containsEntry("transition", "OPENED");
            assertThat(n.text("value")).isEqualTo("-0.4");
        });
    }
}
