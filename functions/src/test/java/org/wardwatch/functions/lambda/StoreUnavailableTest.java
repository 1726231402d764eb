package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.wardwatch.functions.lambda.Telemetry.payload;
import static org.wardwatch.functions.lambda.Telemetry.reading;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the readings table cannot be written, the invocation must fail, not answer success: Lambda then retries
 * it and, after the retries, hands the event to the on-failure destination (the dead-letter queue).
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(StoreUnavailableTest.MissingReadingsTable.class)
class StoreUnavailableTest {

    public static class MissingReadingsTable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wardwatch.readings-table", "wardwatch-no-such-table");
        }
    }

    @Test
    void unwritableReadingsTable_failsTheInvocationSoItIsRetriedAndDeadLettered() {
        TestTenant tenant = TestTenant.get();
        tenant.registerDevice("su-oximeter", "pulse_oximeter", "ICU-5", "1");
        byte[] body = payload("su-1", "2026-11-25T09:00:00Z", reading("spo2", 85, "%")).getBytes(StandardCharsets.UTF_8);

        Telemetry.invoke(Telemetry.event("su-oximeter", body))
                .statusCode(500)
                .body("errorType", containsString("ResourceNotFoundException"));

        assertThat(StaffInbox.forDevice("su-oximeter")).isEmpty();
    }
}
