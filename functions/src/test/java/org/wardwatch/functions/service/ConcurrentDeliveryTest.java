package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;
import static org.wardwatch.functions.service.MotoTelemetry.spo2;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.lambda.AwsCalls;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.TestTenant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two invocations for one device at once, interleaved on purpose: the second reads the device's state, the first
 * runs to the end, then the second writes. The version each write is conditioned on makes the second re-read and
 * re-evaluate, so it neither overwrites the first's state nor repeats its alert.
 */
class ConcurrentDeliveryTest {

    @Test
    void aNewerMessageRacingAnother_isReevaluatedOnTheStateTheOtherWrote_andAlertsNothingTwice() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("cd-oximeter", "pulse_oximeter", "HDU-3", "1");
            TelemetryService service = moto.service();
            service.process(envelope("cd-oximeter"), spo2("cd-1", "2026-11-25T08:00:00Z", 97));
            TelemetryService racing = moto.service(new InterleavingStore(moto.store, () -> service.process(
                    envelope("cd-oximeter"), spo2("cd-2", "2026-11-25T08:01:00Z", 88))), moto.publisher);

            AwsCalls.Counted<TelemetryResult> later = AwsCalls.during(() -> racing.process(envelope("cd-oximeter"),
                    spo2("cd-3", "2026-11-25T08:02:00Z", 89)));

            assertThat(later.result().outcome()).isEqualTo(TelemetryResult.Outcome.ACCEPTED);
            assertThat(later.result().notifications()).isZero();
            // counted: both invocations' calls. Both evaluated an OPENED from the same state, so both wrote it in a
            // transaction with its alert; this one's lost, re-read the bed's state the other wrote, and found no
            // transition left to record: a plain write of the bed's state
            assertThat(later.calls()).containsEntry("TransactWriteItems", 2).containsEntry("GetItem", 1)
                    .containsEntry("Publish", 1).doesNotContainKey("UpdateItem");
            Map<String, AttributeValue> bed = moto.tenant.bedParameter("HDU-3", "1", "spo2");
            assertThat(bed.get("lastCounted").s()).isEqualTo("2026-11-25T08:02:00Z");
            assertThat(bed.get("severity").s()).isEqualTo("CRITICAL");
            assertThat(bed.get("version").n()).isEqualTo("3");
            assertThat(StaffInbox.forDevice("cd-oximeter")).singleElement().satisfies(n -> {
                assertThat(n.attributes()).containsEntry("transition", "OPENED");
                assertThat(n.text("value")).isEqualTo("88");
            });
        }
    }

    @Test
    void aDuplicateThatFinishedFirst_leavesTheOtherNothingToWriteOrSend() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            moto.tenant.registerDevice("cd-duplicated", "pulse_oximeter", "HDU-3", "2");
            TelemetryService service = moto.service();
            service.process(envelope("cd-duplicated"), spo2("cdd-1", "2026-11-25T08:00:00Z", 97));
            byte[] opening = spo2("cdd-2", "2026-11-25T08:01:00Z", 88);
            TelemetryService racing = moto.service(new InterleavingStore(moto.store,
                    () -> service.process(envelope("cd-duplicated"), opening)), moto.publisher);

            AwsCalls.Counted<TelemetryResult> second = AwsCalls.during(() -> racing.process(envelope("cd-duplicated"),
                    opening));

            assertThat(second.result().outcome()).isEqualTo(TelemetryResult.Outcome.ACCEPTED);
            assertThat(second.result().notifications()).isZero();
            // counted: both invocations' calls. This one's transaction lost, its re-read found the state at this
            // message, so it read the outbox (the other did not need to) and found the alert sent
            assertThat(second.calls()).containsEntry("TransactWriteItems", 2).containsEntry("GetItem", 1)
                    .containsEntry("Query", 1).containsEntry("Publish", 1);
            assertThat(StaffInbox.forDevice("cd-duplicated")).singleElement()
                    .satisfies(n -> assertThat(n.attributes()).containsEntry("transition", "OPENED"));
            assertThat(moto.tenant.bedParameter("HDU-3", "2", "spo2").get("version").n()).isEqualTo("2");
        }
    }
}
