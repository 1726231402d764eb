package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Rejection;
import org.wardwatch.functions.core.RejectionReason;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.functions.service.QuarantineEntry;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The telemetry and presence stores quarantine in one layout (one table, one {@code byReason} index, one way to
 * read it): each writes the item functions/README.md describes, written out here attribute by attribute.
 */
class QuarantineItemsTest {

    private static final String PAYLOAD = "{\"clientId\":\"qi-oximeter\"}";
    /** SHA-256 of {@link #PAYLOAD}, as {@code sha256sum} prints it. */
    private static final String DIGEST = "c9ceead9e04b8073541017a6296c152d17747e460d3507c8c01baf4a6cdf77d7";

    private final TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
    private final Duration retention = Duration.ofDays(400);

    private static QuarantineEntry unknownDevice(String thing) {
        return new QuarantineEntry(new Envelope(TestTenant.ID, thing, thing, Instant.parse("2026-11-25T08:00:00.123Z")),
                "qi-1", Rejection.ofMessage(RejectionReason.UNKNOWN_DEVICE, "not in the tenant's device registry"),
                PAYLOAD.getBytes(StandardCharsets.UTF_8));
    }

    /** The item, literally: keys, reason, envelope, payload with its size and digest, 400 days' TTL. */
    private static Map<String, AttributeValue> expected(String thing) {
        return Map.ofEntries(
                Map.entry("pk", AttributeValue.fromS("D#" + thing)),
                Map.entry("sk", AttributeValue.fromS("Q#2026-11-25T08:00:00.123Z#c9ceead9e04b8073#m")),
                Map.entry("reason", AttributeValue.fromS("UNKNOWN_DEVICE")),
                Map.entry("detail", AttributeValue.fromS("not in the tenant's device registry")),
                Map.entry("level", AttributeValue.fromS("MESSAGE")),
                Map.entry("messageId", AttributeValue.fromS("qi-1")),
                Map.entry("thingName", AttributeValue.fromS(thing)),
                Map.entry("clientId", AttributeValue.fromS(thing)),
                Map.entry("tenantId", AttributeValue.fromS("st-elsewhere")),
                Map.entry("receivedAt", AttributeValue.fromS("2026-11-25T08:00:00.123Z")),
                Map.entry("payload", AttributeValue.fromB(SdkBytes.fromUtf8String(PAYLOAD))),
                Map.entry("payloadBytes", AttributeValue.fromN("26")),
                Map.entry("payloadSha256", AttributeValue.fromS(DIGEST)),
                Map.entry("payloadTruncated", AttributeValue.fromBool(false)),
                Map.entry("expiresAt", AttributeValue.fromN("1830153600")));
    }

    private Map<String, AttributeValue> written(String thing) {
        return tenant.dynamo.getItem(b -> b.tableName(TestTenant.QUARANTINE).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("D#" + thing),
                "sk", AttributeValue.fromS("Q#2026-11-25T08:00:00.123Z#c9ceead9e04b8073#m")))).item();
    }

    @Test
    void theTelemetryStoreAndThePresenceStore_writeTheSameQuarantineItem() {
        new DynamoTelemetryStore(tenant.dynamo, TestTenant.READINGS, TestTenant.QUARANTINE, retention,
                Duration.ofDays(1096)).quarantine(List.of(unknownDevice("qi-oximeter")));
        new DynamoPresenceStore(tenant.dynamo, TestTenant.READINGS, TestTenant.QUARANTINE, retention)
                .quarantine(unknownDevice("qi-monitor"));

        assertThat(written("qi-oximeter")).isEqualTo(expected("qi-oximeter"));
        assertThat(written("qi-monitor")).isEqualTo(expected("qi-monitor"));
    }
}
