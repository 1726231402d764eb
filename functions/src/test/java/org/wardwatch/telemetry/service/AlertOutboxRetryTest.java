package org.wardwatch.telemetry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.telemetry.service.MotoTelemetry.envelope;
import static org.wardwatch.telemetry.service.MotoTelemetry.spo2;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.telemetry.core.Envelope;
import org.wardwatch.telemetry.lambda.AwsCalls;
import org.wardwatch.telemetry.lambda.StaffInbox;

/**
 * A function instance that dies after recording an alert but before publishing it: the retried invocation must
 * send that alert, once, and nothing else.
 */
class AlertOutboxRetryTest {

    /** Fails the first {@code failures} publishes, as an instance lost before publishing would. */
    private static AlertPublisher crashing(AlertPublisher real, int failures) {
        AtomicInteger failuresLeft = new AtomicInteger(failures);
        return alert -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("instance lost before publish");
            }
            return real.publish(alert);
        };
    }

    @Test
    void crashBeforePublish_retrySendsThePendingAlertExactlyOnce() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("or-oximeter", "pulse_oximeter", "HDU-2", "6");
            TelemetryService service = moto.service(moto.store, crashing(moto.publisher, 1));
            Envelope envelope = envelope("or-oximeter");
            byte[] payload = spo2("or-1", "2026-11-25T08:00:00Z", 90);

            assertThatThrownBy(() -> service.process(envelope, payload)).hasMessageContaining("instance lost");
            AwsCalls.Counted<TelemetryResult> retried = AwsCalls.during(() -> service.process(envelope, payload));
            TelemetryResult redelivered = service.process(envelope, payload);

            assertThat(retried.result().outcome()).isEqualTo(TelemetryResult.Outcome.ACCEPTED);
            assertThat(retried.result().notifications()).isEqualTo(1);
            assertThat(retried.calls()).as("the state is found advanced, so the outbox is read")
                    .containsEntry("Query", 1).containsEntry("Publish", 1)
                    .doesNotContainKeys("UpdateItem", "TransactWriteItems", "PutItem");
            assertThat(redelivered.outcome()).isEqualTo(TelemetryResult.Outcome.DUPLICATE);
            assertThat(StaffInbox.forDevice("or-oximeter")).singleElement()
                    .satisfies(n -> assertThat(n.attributes()).containsEntry("transition", "OPENED")
                            .containsEntry("severity", "CRITICAL"));
        }
    }

    /**
     * Lambda retries a failed invocation a minute or more later; a device reporting every minute has usually sent
     * its next message by then, which moved the state on. The retry still finds the state past its own device
     * time, so it still reads the outbox and sends the alert its first attempt recorded.
     */
    @Test
    void crashBeforePublish_thenANewerMessage_retryStillSendsThePendingAlert() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("or-oximeter-2", "pulse_oximeter", "HDU-2", "7");
            TelemetryService service = moto.service(moto.store, crashing(moto.publisher, 1));
            Envelope envelope = envelope("or-oximeter-2");
            byte[] opening = spo2("or2-1", "2026-11-25T08:00:00Z", 90);

            assertThatThrownBy(() -> service.process(envelope, opening)).hasMessageContaining("instance lost");
            TelemetryResult newer = service.process(envelope, spo2("or2-2", "2026-11-25T08:01:00Z", 89));
            TelemetryResult retried = service.process(envelope, opening);

            assertThat(newer.notifications()).as("still CRITICAL: no transition").isZero();
            assertThat(retried.notifications()).isEqualTo(1);
            assertThat(StaffInbox.forDevice("or-oximeter-2")).singleElement()
                    .satisfies(n -> assertThat(n.attributes()).containsEntry("transition", "OPENED"));
        }
    }
}
