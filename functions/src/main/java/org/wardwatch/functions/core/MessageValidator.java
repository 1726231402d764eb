package org.wardwatch.functions.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a device message against the envelope the rule built and the tenant's device registry: tenant
 * isolation (the function's second line of defence after the IoT policy), identity, freshness, and which
 * metrics the device's kind may send.
 */
public final class MessageValidator {

    /** A device clock may run this far ahead of IoT Core's before its messages are refused. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);

    private final String tenantId;
    private final PayloadDecoder decoder;
    private final Function<String, Optional<Device>> registry;

    public MessageValidator(String tenantId, PayloadDecoder decoder, Function<String, Optional<Device>> registry) {
        this.tenantId = tenantId;
        this.decoder = decoder;
        this.registry = registry;
    }

    public Validation validate(Envelope envelope, byte[] payload) {
        if (!tenantId.equals(envelope.tenantId())) {
            return rejected(RejectionReason.TENANT_MISMATCH, "the rule's tenant is not this deployment's tenant", null);
        }
        if (!envelope.thingName().equals(envelope.clientId())) {
            return rejected(RejectionReason.DEVICE_MISMATCH, "client id is not the thing named in the topic", null);
        }
        Decoding decoding = decoder.decode(payload);
        if (decoding instanceof Decoding.Rejected r) {
            return new Validation.Rejected(r.rejection(), r.messageId());
        }
        DecodedMessage message = ((Decoding.Decoded) decoding).message();
        String messageId = message.messageId();
        if (message.device() != null && !message.device().equals(envelope.thingName())) {
            return rejected(RejectionReason.DEVICE_MISMATCH, "payload device is not the thing named in the topic",
                    messageId);
        }
        Device device = registry.apply(envelope.thingName()).orElse(null);
        if (device == null) {
            return rejected(RejectionReason.UNKNOWN_DEVICE, "not in the tenant's device registry", messageId);
        }
        if (!tenantId.equals(device.tenantId())) {
            return rejected(RejectionReason.TENANT_MISMATCH, "the device is registered to another tenant", messageId);
        }
        if (!device.active()) {
            return rejected(RejectionReason.DEVICE_INACTIVE, "the device is revoked or deactivated", messageId);
        }
        if (message.deviceTime().isAfter(envelope.receivedAt().plus(MAX_CLOCK_AHEAD))) {
            return rejected(RejectionReason.DEVICE_TIME_IN_FUTURE,
                    "deviceTime is more than 5 minutes after IoT Core received the message", messageId);
        }
        List<Reading> allowed = new ArrayList<>(message.readings().size());
        List<Rejection> rejections = new ArrayList<>(message.readingRejections());
        for (Reading reading : message.readings()) {
            if (device.kind().allows(reading.metric())) {
                allowed.add(reading);
            } else {
                rejections.add(Rejection.ofReading(reading.index(), RejectionReason.METRIC_NOT_ALLOWED_FOR_KIND,
                        "a " + device.kind().code() + " does not measure " + reading.metric().code()));
            }
        }
        rejections.sort(java.util.Comparator.comparing(Rejection::readingIndex));
        return new Validation.Accepted(device, message, List.copyOf(allowed), List.copyOf(rejections));
    }

    private static Validation rejected(RejectionReason reason, String detail, String messageId) {
        return new Validation.Rejected(Rejection.ofMessage(reason, detail), messageId);
    }
}
