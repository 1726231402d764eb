package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:20:00Z");
    private static final Map<String, Device> REGISTRY = Map.of(
            "ox-1", new Device("ox-1", "st-a", DeviceKind.PULSE_OXIMETER, "ICU-3", "12", null, null, true),
            "ox-off", new Device("ox-off", "st-a", DeviceKind.PULSE_OXIMETER, "ICU-3", "13", null, null, false),
            "ox-b", new Device("ox-b", "st-b", DeviceKind.PULSE_OXIMETER, "ICU-1", "1", null, null, true));

    private final MessageValidator validator = new MessageValidator("st-a", new PayloadDecoder(),
            thing -> Optional.ofNullable(REGISTRY.get(thing)));

    private static byte[] payload(String deviceTime, String readings) {
        return ("{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"m-1\",\"deviceTime\":\"" + deviceTime
                + "\",\"readings\":[" + readings + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] OK = payload("2026-11-25T10:15:00Z",
            "{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"},{\"metric\":\"glucose\",\"value\":90,\"unit\":\"mg/dL\"}");

    private RejectionReason rejection(Envelope envelope, byte[] payload) {
        Validation v = validator.validate(envelope, payload);
        return v instanceof Validation.Rejected r ? r.rejection().reason() : null;
    }

    @Test
    void registeredDevice_isAccepted_withReadingsItsKindMayNotSendRejected() {
        Validation v = validator.validate(new Envelope("st-a", "ox-1", "ox-1", RECEIVED), OK);

        assertThat(v).isInstanceOfSatisfying(Validation.Accepted.class, a -> {
            assertThat(a.readings()).extracting(Reading::metric).containsExactly(Metric.SPO2);
            assertThat(a.rejections()).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(RejectionReason.METRIC_NOT_ALLOWED_FOR_KIND);
                assertThat(r.readingIndex()).isEqualTo(1);
            });
        });
    }

    @Test
    void tenantIsolation_isEnforcedOnTheRuleAndOnTheRegistry() {
        assertThat(rejection(new Envelope("st-b", "ox-1", "ox-1", RECEIVED), OK)).isEqualTo(RejectionReason.TENANT_MISMATCH);
        assertThat(rejection(new Envelope("st-a", "ox-b", "ox-b", RECEIVED), OK)).isEqualTo(RejectionReason.TENANT_MISMATCH);
    }

    @Test
    void identity_unknownAndInactiveDevices_areRejected() {
        assertThat(rejection(new Envelope("st-a", "ox-1", "ox-2", RECEIVED), OK)).isEqualTo(RejectionReason.DEVICE_MISMATCH);
        assertThat(rejection(new Envelope("st-a", "ox-9", "ox-9", RECEIVED), OK)).isEqualTo(RejectionReason.UNKNOWN_DEVICE);
        assertThat(rejection(new Envelope("st-a", "ox-off", "ox-off", RECEIVED), OK)).isEqualTo(RejectionReason.DEVICE_INACTIVE);
    }

    @Test
    void deviceClock_mayRunUpToFiveMinutesAhead() {
        Envelope envelope = new Envelope("st-a", "ox-1", "ox-1", RECEIVED);
        byte[] exactlyFive = payload("2026-11-25T10:25:00Z", "{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}");
        byte[] overFive = payload("2026-11-25T10:25:00.001Z", "{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}");

        assertThat(validator.validate(envelope, exactlyFive)).isInstanceOf(Validation.Accepted.class);
        assertThat(rejection(envelope, overFive)).isEqualTo(RejectionReason.DEVICE_TIME_IN_FUTURE);
    }
}
