package org.wardwatch.functions.core;

/**
 * Why a message or a reading was not accepted. Every rejection is quarantined with one of these codes and
 * counted under it. A message-level reason rejects the whole message; a reading-level reason rejects one reading
 * and keeps the message's valid ones.
 */
public enum RejectionReason {
    /** The rule's event lacks a field the rule always adds, or its payload is not base64: a rule or wiring fault. */
    INVALID_EVENT(Level.MESSAGE),
    /** The event names another tenant than the one this deployment serves, or the device belongs to another. */
    TENANT_MISMATCH(Level.MESSAGE),
    /** The MQTT client id, the topic's device and the payload's {@code device} do not all name the same thing. */
    DEVICE_MISMATCH(Level.MESSAGE),
    /** Larger than IoT Core's 128 KB message limit. */
    PAYLOAD_TOO_LARGE(Level.MESSAGE),
    /** Not UTF-8 JSON, truncated, trailing content, or nested or sized beyond the decoder's limits. */
    MALFORMED_JSON(Level.MESSAGE),
    /** The same field twice in one JSON object: which one the device meant is unknowable. */
    DUPLICATE_FIELD(Level.MESSAGE),
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT(Level.MESSAGE),
    /** {@code schema} is not one this function reads. */
    UNSUPPORTED_SCHEMA(Level.MESSAGE),
    /** An IoT lifecycle event whose {@code eventType} is neither {@code connected} nor {@code disconnected}. */
    UNSUPPORTED_EVENT_TYPE(Level.MESSAGE),
    /** A required field is absent (message or reading). */
    MISSING_FIELD(Level.BOTH),
    /** A field has the wrong type or an invalid form (message or reading). */
    INVALID_FIELD(Level.BOTH),
    /** {@code deviceTime} is not an ISO-8601 instant with a zone offset. */
    INVALID_DEVICE_TIME(Level.MESSAGE),
    /** {@code deviceTime} is more than 5 minutes ahead of the time IoT Core received the message. */
    DEVICE_TIME_IN_FUTURE(Level.MESSAGE),
    /** {@code readings} is an empty array. */
    NO_READINGS(Level.MESSAGE),
    /** More readings in one message than the decoder accepts. */
    TOO_MANY_READINGS(Level.MESSAGE),
    /** The device is not in the tenant's registry. */
    UNKNOWN_DEVICE(Level.MESSAGE),
    /** The device is registered but revoked or deactivated. */
    DEVICE_INACTIVE(Level.MESSAGE),
    /** A metric this function does not know. */
    UNKNOWN_METRIC(Level.READING),
    /** A unit not allowed for the metric (or a unit on {@code door_open}). */
    UNIT_NOT_ALLOWED(Level.READING),
    /** A numeric metric's value is not a finite JSON number. */
    VALUE_NOT_FINITE_NUMBER(Level.READING),
    /** {@code door_open}'s value is not a JSON boolean. */
    VALUE_NOT_BOOLEAN(Level.READING),
    /** Outside what the body or the appliance can physically show (SpO2 above 100 %, heart rate above 350). */
    VALUE_IMPOSSIBLE(Level.READING),
    /** The device's kind does not measure this metric (a thermometer sending SpO2). */
    METRIC_NOT_ALLOWED_FOR_KIND(Level.READING),
    /** The same metric twice in one message: the second is rejected. */
    DUPLICATE_METRIC(Level.READING);

    /** Where a reason can apply. */
    public enum Level { MESSAGE, READING, BOTH }

    private final Level level;

    RejectionReason(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }
}
