package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.functions.service.MotoTelemetry;
import org.wardwatch.functions.service.TelemetryResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reading is kept as long as its metric's retention class says: storage temperatures and door readings for the
 * cold chain's retention, vital signs for the reading retention. MotoTelemetry's store keeps readings 1 day and the
 * cold chain 3 days, so the two cannot be mistaken for each other.
 */
class ReadingRetentionTest {

    private static final long DAY = 86_400;

    private static List<Map<String, AttributeValue>> readings(TestTenant tenant, String thing) {
        return tenant.dynamo.query(b -> b.tableName(TestTenant.READINGS).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("D#" + thing),
                        ":r", AttributeValue.fromS("R#")))).items();
    }

    private static void process(MotoTelemetry moto, String thing, String messageId, String readings) {
        TelemetryResult result = moto.service().process(MotoTelemetry.envelope(thing),
                Telemetry.payload(messageId, "2026-11-25T22:00:00Z", readings).getBytes(StandardCharsets.UTF_8));
        assertThat(result.outcome()).isEqualTo(TelemetryResult.Outcome.ACCEPTED);
    }

    @Test
    void coldChainReadingsAreKeptForTheColdChainRetention_vitalSignsForTheReadingRetention() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("rr-oximeter", "pulse_oximeter", "ICU-2", "4");
            moto.tenant.registerStorageSensor("rr-fridge", "Pharmacy", "vaccine_fridge");
            process(moto, "rr-oximeter", "rr-1", Telemetry.reading("spo2", 97, "%") + ","
                    + Telemetry.reading("heart_rate", 70, "/min"));
            process(moto, "rr-fridge", "rr-2", Telemetry.reading("storage_temperature", 5.0, "Cel")
                    + ",{\"metric\":\"door_open\",\"value\":false}");

            long received = Telemetry.RECEIVED_AT.getEpochSecond();
            assertThat(readings(moto.tenant, "rr-oximeter"))
                    .extracting(i -> i.get("metric").s() + " " + (Long.parseLong(i.get("expiresAt").n()) - received))
                    .containsExactlyInAnyOrder("spo2 " + DAY, "heart_rate " + DAY);
            assertThat(readings(moto.tenant, "rr-fridge"))
                    .extracting(i -> i.get("metric").s() + " " + (Long.parseLong(i.get("expiresAt").n()) - received))
                    .containsExactlyInAnyOrder("storage_temperature " + 3 * DAY, "door_open " + 3 * DAY);
        }
    }
}
