package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements.Acknowledgement;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements.Outcome;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.functions.service.MotoTelemetry;
import org.wardwatch.functions.service.TelemetryResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who acknowledged an excursion, and what they did, is kept in the excursion log (the staff API's
 * {@code POST /storage/{device}/excursions/{start}/ack} writes it through {@link DynamoExcursionAcknowledgements});
 * once, and only in this tenant, on the emulator's readings table.
 */
class DynamoExcursionAcknowledgementsTest {

    private final TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
    private final DynamoExcursionAcknowledgements acknowledgements =
            new DynamoExcursionAcknowledgements(tenant.dynamo, TestTenant.READINGS, TestTenant.ID);

    private void excursion(String thing, String start, String tenantId) {
        tenant.dynamo.putItem(b -> b.tableName(TestTenant.READINGS).item(Map.of(
                "pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("X#" + start),
                "tenantId", AttributeValue.fromS(tenantId), "start", AttributeValue.fromS(start),
                "maxSeverity", AttributeValue.fromS("CRITICAL"), "alertSent", AttributeValue.fromBool(true))));
    }

    private Map<String, AttributeValue> excursionItem(String thing, String start) {
        return tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("X#" + start)))).item();
    }

    @Test
    void acknowledgement_isRecordedOnce_withWhoAndWhatWasDone() {
        excursion("ack-fridge", "2026-11-24T09:00:00.000Z", TestTenant.ID);
        Instant start = Instant.parse("2026-11-24T09:00:00Z");

        Acknowledgement first = acknowledgements.acknowledge("ack-fridge", start, "pharmacist-0042",
                Instant.parse("2026-11-24T09:40:00Z"), "stock labelled Do Not Use; manufacturer called");
        Acknowledgement second = acknowledgements.acknowledge("ack-fridge", start, "nurse-0007",
                Instant.parse("2026-11-24T09:50:00Z"), "again");

        assertThat(first).isEqualTo(new Acknowledgement(Outcome.ACKNOWLEDGED, "pharmacist-0042",
                "2026-11-24T09:40:00Z"));
        assertThat(second).as("the first acknowledgement stands, and is named")
                .isEqualTo(new Acknowledgement(Outcome.ALREADY_ACKNOWLEDGED, "pharmacist-0042",
                        "2026-11-24T09:40:00Z"));
        Map<String, AttributeValue> item = excursionItem("ack-fridge", "2026-11-24T09:00:00.000Z");
        assertThat(item.get("acknowledgedBy").s()).isEqualTo("pharmacist-0042");
        assertThat(item.get("actionsTaken").s()).isEqualTo("stock labelled Do Not Use; manufacturer called");
        assertThat(item.get("acknowledgedAt").s()).isEqualTo("2026-11-24T09:40:00Z");
    }

    @Test
    void anotherTenantsExcursion_orNone_isNoSuchExcursion_andUnchanged() {
        excursion("ack-foreign-fridge", "2026-11-24T10:00:00.000Z", "other-hospital");
        Instant at = Instant.parse("2026-11-24T10:30:00Z");

        assertThat(acknowledgements.acknowledge("ack-foreign-fridge", Instant.parse("2026-11-24T10:00:00Z"),
                "pharmacist-0042", at, "x").outcome()).isEqualTo(Outcome.NO_SUCH_EXCURSION);
        assertThat(acknowledgements.acknowledge("ack-foreign-fridge", Instant.parse("2026-11-24T11:00:00Z"),
                "pharmacist-0042", at, "x").outcome()).isEqualTo(Outcome.NO_SUCH_EXCURSION);
        assertThat(excursionItem("ack-foreign-fridge", "2026-11-24T10:00:00.000Z"))
                .doesNotContainKeys("acknowledgedBy", "acknowledgedAt", "actionsTaken");
        assertThat(excursionItem("ack-foreign-fridge", "2026-11-24T11:00:00.000Z")).as("no item was made").isEmpty();
    }

    /** A fridge's message through the telemetry service, as its topic rule would deliver it. */
    private static TelemetryResult fridgeReports(MotoTelemetry moto, String thing, String messageId, String deviceTime,
                                                 double celsius) {
        return moto.service().process(MotoTelemetry.envelope(thing), Telemetry.payload(messageId, deviceTime,
                Telemetry.reading("storage_temperature", celsius, "Cel")).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Staff acknowledge an excursion while it is still open; the readings after it (the WARNING at 15 minutes
     * among them) and its end rewrite the excursion's log entry, and must keep who acknowledged it and what they did.
     */
    @Test
    void acknowledgementWhileOpen_survivesLaterReadingsAndTheEnd_andASecondOneIsRefused() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            tenant.registerStorageSensor("ack-open-fridge", "Pharmacy", "vaccine_fridge");
            fridgeReports(moto, "ack-open-fridge", "ao-1", "2026-11-24T12:00:00Z", 5.0);
            fridgeReports(moto, "ack-open-fridge", "ao-2", "2026-11-24T12:05:00Z", 9.0);
            fridgeReports(moto, "ack-open-fridge", "ao-3", "2026-11-24T12:10:00Z", 9.4);

            Acknowledgement first = acknowledgements.acknowledge("ack-open-fridge",
                    Instant.parse("2026-11-24T12:05:00Z"), "pharmacist-0042", Instant.parse("2026-11-24T12:12:00Z"),
                    "stock moved to the spare fridge");
            TelemetryResult warning = fridgeReports(moto, "ack-open-fridge", "ao-4", "2026-11-24T12:20:00Z", 9.6);
            fridgeReports(moto, "ack-open-fridge", "ao-5", "2026-11-24T12:25:00Z", 9.1);
            TelemetryResult end = fridgeReports(moto, "ack-open-fridge", "ao-6", "2026-11-24T12:30:00Z", 6.0);
            Acknowledgement second = acknowledgements.acknowledge("ack-open-fridge",
                    Instant.parse("2026-11-24T12:05:00Z"), "nurse-0007", Instant.parse("2026-11-24T12:40:00Z"), null);

            assertThat(first.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
            assertThat(warning.notifications()).as("the excursion's WARNING at 15 minutes").isEqualTo(1);
            assertThat(end.notifications()).as("its RESOLVED").isEqualTo(1);
            assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_ACKNOWLEDGED);
            assertThat(second.acknowledgedBy()).isEqualTo("pharmacist-0042");
            Map<String, AttributeValue> item = excursionItem("ack-open-fridge", "2026-11-24T12:05:00.000Z");
            assertThat(item.get("acknowledgedBy").s()).isEqualTo("pharmacist-0042");
            assertThat(item.get("actionsTaken").s()).isEqualTo("stock moved to the spare fridge");
            assertThat(item.get("acknowledgedAt").s()).isEqualTo("2026-11-24T12:12:00Z");
            assertThat(item.get("end").s()).as("the end was still written").isEqualTo("2026-11-24T12:30:00.000Z");
            assertThat(item.get("maxTemperature").n()).isEqualTo("9.6");
            assertThat(item.get("maxSeverity").s()).isEqualTo("WARNING");
        }
    }
}
