package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.aws.DynamoDeviceRegistry;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.functions.lambda.TestTenant;

/**
 * A silence check whose page fails to publish: the function fails, and the next check (Lambda's retry or the
 * next minute's) must send that page, once. The device's last reading is written by the telemetry service.
 */
class SilenceOutboxRetryTest {

    private static final Instant LAST_READING = Instant.parse("2026-11-27T10:00:00Z");

    /** Fails the first {@code failures} publishes, as SNS refusing or the instance dying before the call would. */
    private static AlertPublisher failing(AlertPublisher real, int failures) {
        AtomicInteger failuresLeft = new AtomicInteger(failures);
        return alert -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("SNS unavailable");
            }
            return real.publish(alert);
        };
    }

    /** One oximeter that last reported at {@link #LAST_READING}, through the telemetry service. */
    private static Device reportedOnce(MotoTelemetry moto, String thing) {
        moto.tenant.registerDevice(thing, "pulse_oximeter", "ICU-7", "2");
        byte[] payload = Telemetry.payload(thing + "-1", LAST_READING.toString(), Telemetry.reading("spo2", 97, "%"))
                .getBytes(StandardCharsets.UTF_8);
        moto.service().process(new Envelope(TestTenant.ID, thing, thing, LAST_READING), payload);
        return new DynamoDeviceRegistry(moto.tenant.dynamo, TestTenant.DEVICES, Duration.ZERO).find(thing)
                .orElseThrow();
    }

    private static SilenceService silence(MotoTelemetry moto, Device device, AlertPublisher publisher) {
        return new SilenceService(TestTenant.ID, () -> List.of(device), moto.store, publisher,
                Duration.ofSeconds(60), Duration.ofSeconds(300), ZoneOffset.UTC);
    }

    @Test
    void pageFailsToPublish_theRetriedCheckSendsItExactlyOnce() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            Device device = reportedOnce(moto, "so-oximeter-1");
            SilenceService service = silence(moto, device, failing(moto.publisher, 1));

            assertThatThrownBy(() -> service.check(LAST_READING.plusSeconds(200))).hasMessageContaining("SNS");
            SilenceService.Check retried = service.check(LAST_READING.plusSeconds(200));
            SilenceService.Check nextMinute = service.check(LAST_READING.plusSeconds(260));

            assertThat(retried.opened()).isEqualTo(1);
            assertThat(nextMinute.opened()).isZero();
            assertThat(StaffInbox.forDevice("so-oximeter-1")).singleElement().satisfies(page -> {
                assertThat(page.attributes()).containsEntry("type", "DEVICE").containsEntry("transition", "OPENED");
                assertThat(page.text("metric")).isEqualTo("silence");
            });
        }
    }

    /** No retry in time: the device reports again before the next check, which sends the page and then its end. */
    @Test
    void pageFailsToPublish_andTheDeviceReportsAgain_theNextCheckSendsThePageThenItsResolution() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            Device device = reportedOnce(moto, "so-oximeter-2");
            SilenceService service = silence(moto, device, failing(moto.publisher, 1));

            assertThatThrownBy(() -> service.check(LAST_READING.plusSeconds(200))).hasMessageContaining("SNS");
            Instant back = LAST_READING.plusSeconds(240);
            moto.service().process(new Envelope(TestTenant.ID, "so-oximeter-2", "so-oximeter-2", back),
                    Telemetry.payload("so-oximeter-2-2", back.toString(), Telemetry.reading("spo2", 96, "%"))
                            .getBytes(StandardCharsets.UTF_8));
            SilenceService.Check next = service.check(LAST_READING.plusSeconds(250));

            assertThat(next.opened()).isEqualTo(1);
            assertThat(next.resolved()).isEqualTo(1);
            assertThat(StaffInbox.forDevice("so-oximeter-2")).extracting(n -> n.attributes().get("transition"))
                    .containsExactly("OPENED", "RESOLVED");
        }
    }
}
