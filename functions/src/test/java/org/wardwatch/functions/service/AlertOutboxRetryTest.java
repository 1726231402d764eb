package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;
import static org.wardwatch.functions.service.MotoTelemetry.spo2;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.lambda.AwsCalls;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.Telemetry;

/**
 * A function instance that dies while its alerts are being sent: before publishing, after publishing but before
 * the message is marked processed, or between two alerts of one message. The retried invocation sends every alert
 * the first attempt recorded; alerts are delivered at least once (functions/README.md, "Round trips"), so an
 * alert published before the crash is published again, and no other.
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

    /**
     * Publishes every alert, but the {@code nth} call dies once SNS has accepted it, as an instance lost right after
     * SNS answered; the calls after it (the retry's) publish normally.
     */
    private static AlertPublisher dyingAfterPublish(AlertPublisher real, int nth) {
        AtomicInteger calls = new AtomicInteger();
        return alert -> {
            String id = real.publish(alert);
            if (calls.incrementAndGet() == nth) {
                throw new IllegalStateException("instance lost after publish " + nth);
            }
            return id;
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
            // the device's first message: the bed it feeds is recorded once its alerts are sent (one PutItem)
            assertThat(retried.calls()).as("the state is found advanced, so the outbox is read")
                    .containsEntry("Query", 1).containsEntry("Publish", 1).containsEntry("PutItem", 1)
                    .doesNotContainKeys("UpdateItem", "TransactWriteItems");
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

    /**
     * Dies after SNS accepted the alert and before the batch write that marks it sent and the message processed:
     * the retry finds the outbox item still PENDING and publishes it again. Staff get the same alert twice (same
     * alert id, same text), never a different one, and a later redelivery sends nothing.
     */
    @Test
    void crashAfterPublish_beforeTheMessageIsMarked_retryPublishesTheSameAlertOnceMore() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("or-oximeter-3", "pulse_oximeter", "HDU-2", "8");
            TelemetryService service = moto.service(moto.store, dyingAfterPublish(moto.publisher, 1));
            Envelope envelope = envelope("or-oximeter-3");
            byte[] payload = spo2("or3-1", "2026-11-25T08:00:00Z", 90);

            assertThatThrownBy(() -> service.process(envelope, payload)).hasMessageContaining("after publish");
            TelemetryResult retried = service.process(envelope, payload);
            TelemetryResult redelivered = service.process(envelope, payload);

            assertThat(retried.notifications()).isEqualTo(1);
            assertThat(redelivered.outcome()).isEqualTo(TelemetryResult.Outcome.DUPLICATE);
            List<StaffInbox.Notification> received = StaffInbox.forDevice("or-oximeter-3");
            assertThat(received).hasSize(2).allSatisfy(n -> assertThat(n.attributes())
                    .containsEntry("transition", "OPENED").containsEntry("severity", "CRITICAL"));
            assertThat(received.get(1).document()).as("the same alert, byte for byte")
                    .isEqualTo(received.get(0).document());
        }
    }

    /**
     * A message that opens two alerts (SpO2 and heart rate, in that order in the message, which is the order they
     * are published in); the instance dies after SNS accepted the first. Neither was marked sent, so the retry
     * publishes both: SpO2 a second time, heart rate for the first time.
     */
    @Test
    void crashAfterTheFirstOfTwoAlerts_retryPublishesBoth_theFirstIsReceivedTwice() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("or-oximeter-4", "pulse_oximeter", "HDU-2", "9");
            TelemetryService service = moto.service(moto.store, dyingAfterPublish(moto.publisher, 1));
            Envelope envelope = envelope("or-oximeter-4");
            byte[] payload = Telemetry.payload("or4-1", "2026-11-25T08:00:00Z", Telemetry.reading("spo2", 90, "%")
                    + "," + Telemetry.reading("heart_rate", 135, "/min")).getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> service.process(envelope, payload)).hasMessageContaining("after publish");
            List<String> beforeTheRetry = metrics(StaffInbox.forDevice("or-oximeter-4"));
            TelemetryResult retried = service.process(envelope, payload);

            assertThat(beforeTheRetry).containsExactly("spo2");
            assertThat(retried.notifications()).isEqualTo(2);
            assertThat(metrics(StaffInbox.forDevice("or-oximeter-4")))
                    .containsExactlyInAnyOrder("spo2", "spo2", "heart_rate");
            assertThat(StaffInbox.forDevice("or-oximeter-4")).allSatisfy(n -> assertThat(n.attributes())
                    .containsEntry("transition", "OPENED").containsEntry("severity", "CRITICAL"));
        }
    }

    private static List<String> metrics(List<StaffInbox.Notification> received) {
        return received.stream().map(n -> n.text("metric")).toList();
    }
}
