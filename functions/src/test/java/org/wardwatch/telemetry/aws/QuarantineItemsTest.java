package org.wardwatch.telemetry.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.telemetry.core.Envelope;
import org.wardwatch.telemetry.core.Rejection;
import org.wardwatch.telemetry.core.RejectionReason;
import org.wardwatch.telemetry.lambda.TestTenant;
import org.wardwatch.telemetry.service.QuarantineEntry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The presence store quarantines in the telemetry store's layout (one table, one {@code byReason} index, one way to
 * read it): the same entry written by each is the same item.
 */
class QuarantineItemsTest {

    @Test
    void theTelemetryStoresQuarantineItem_isTheOnePresenceWrites() {
        TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
        Duration retention = Duration.ofDays(400);
        QuarantineEntry entry = new QuarantineEntry(
                new Envelope(TestTenant.ID, "qi-oximeter", "qi-oximeter", Instant.parse("2026-11-25T08:00:00.123Z")),
                "qi-1", Rejection.ofMessage(RejectionReason.UNKNOWN_DEVICE, "not in the tenant's device registry"),
                "{\"clientId\":\"qi-oximeter\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, AttributeValue> expected = QuarantineItems.item(entry, retention);

        new DynamoTelemetryStore(tenant.dynamo, TestTenant.READINGS, TestTenant.QUARANTINE, retention,
                Duration.ofDays(1096)).quarantine(List.of(entry));

        Map<String, AttributeValue> written = tenant.dynamo.getItem(b -> b.tableName(TestTenant.QUARANTINE)
                .consistentRead(true).key(Map.of("pk", expected.get("pk"), "sk", expected.get("sk")))).item();
        assertThat(written).isEqualTo(expected);
        assertThat(expected.get("sk").s()).startsWith("Q#2026-11-25T08:00:00.123Z#").endsWith("#m");
    }
}
