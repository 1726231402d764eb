package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns a device's bytes into a {@link DecodedMessage} of schema {@value #SCHEMA_V1}, or one message-level
 * {@link Rejection}. Knows nothing of devices or tenants: the checks that need the registry are the
 * {@link MessageValidator}'s. Details in rejections name fields and positions, never the payload's values.
 */
public final class PayloadDecoder {

    public static final String SCHEMA_V1 = "wardwatch.reading.v1";
    /** IoT Core's message size limit (docs/clinical-defaults.md, "AWS facts that shape the design"). */
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;
    public static final int MAX_READINGS = 32;
    /** Ids go into DynamoDB keys: no '#', printable, bounded. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final StrictJson json = new StrictJson();

    public Decoding decode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return reject(RejectionReason.PAYLOAD_TOO_LARGE,
                    payload.length + " bytes; IoT Core's limit is " + MAX_PAYLOAD_BYTES, null);
        }
        StrictJson.Parsed parsed = json.parseObject(payload);
        if (parsed instanceof StrictJson.Parsed.Refused refused) {
            return new Decoding.Rejected(refused.rejection(), null);
        }
        return decodeObject(((StrictJson.Parsed.Valid) parsed).object());
    }

    private Decoding decodeObject(ObjectNode root) {
        String messageId = null;
        JsonNode id = root.get("messageId");
        if (id != null && id.isTextual() && MESSAGE_ID.matcher(id.textValue()).matches()) {
            messageId = id.textValue();
        }
        JsonNode schema = root.get("schema");
        if (schema == null) {
            return reject(RejectionReason.MISSING_FIELD, "schema", messageId);
        }
        if (!schema.isTextual() || !SCHEMA_V1.equals(schema.textValue())) {
            return reject(RejectionReason.UNSUPPORTED_SCHEMA, "schema must be " + SCHEMA_V1, messageId);
        }
        if (id == null) {
            return reject(RejectionReason.MISSING_FIELD, "messageId", null);
        }
        if (messageId == null) {
            return reject(RejectionReason.INVALID_FIELD, "messageId must be a string of 1-128 characters "
                    + "from A-Z a-z 0-9 . _ : @ / + = -", null);
        }
        JsonNode time = root.get("deviceTime");
        if (time == null) {
            return reject(RejectionReason.MISSING_FIELD, "deviceTime", messageId);
        }
        Instant deviceTime = parseTime(time);
        if (deviceTime == null) {
            return reject(RejectionReason.INVALID_DEVICE_TIME,
                    "deviceTime must be an ISO-8601 date-time with offset, e.g. 2026-11-25T10:15:00Z", messageId);
        }
        String device = null;
        JsonNode deviceNode = root.get("device");
        if (deviceNode != null) {
            if (!deviceNode.isTextual()) {
                return reject(RejectionReason.INVALID_FIELD, "device must be a string", messageId);
            }
            device = deviceNode.textValue();
        }
        Double battery = null;
        JsonNode batteryNode = root.get("battery");
        if (batteryNode != null && !batteryNode.isNull()) {
            if (!batteryNode.isNumber() || !Double.isFinite(batteryNode.doubleValue())
                    || batteryNode.doubleValue() < 0 || batteryNode.doubleValue() > 1) {
                return reject(RejectionReason.INVALID_FIELD, "battery must be a number from 0 to 1", messageId);
            }
            battery = batteryNode.doubleValue();
        }
        JsonNode readingsNode = root.get("readings");
        if (readingsNode == null) {
            return reject(RejectionReason.MISSING_FIELD, "readings", messageId);
        }
        if (!readingsNode.isArray()) {
            return reject(RejectionReason.INVALID_FIELD, "readings must be an array", messageId);
        }
        if (readingsNode.isEmpty()) {
            return reject(RejectionReason.NO_READINGS, "readings is empty", messageId);
        }
        if (readingsNode.size() > MAX_READINGS) {
            return reject(RejectionReason.TOO_MANY_READINGS,
                    readingsNode.size() + " readings; at most " + MAX_READINGS + " per message", messageId);
        }
        List<Reading> readings = new ArrayList<>(readingsNode.size());
        List<Rejection> rejections = new ArrayList<>();
        Set<Metric> seen = EnumSet.noneOf(Metric.class);
        for (int i = 0; i < readingsNode.size(); i++) {
            Object outcome = decodeReading(i, readingsNode.get(i));
            if (outcome instanceof Rejection rejection) {
                rejections.add(rejection);
            } else {
                Reading reading = (Reading) outcome;
                if (seen.add(reading.metric())) {
                    readings.add(reading);
                } else {
                    rejections.add(Rejection.ofReading(i, RejectionReason.DUPLICATE_METRIC,
                            reading.metric().code() + " already appears earlier in this message"));
                }
            }
        }
        return new Decoding.Decoded(new DecodedMessage(messageId, deviceTime, device, battery,
                List.copyOf(readings), List.copyOf(rejections)));
    }

    /** A {@link Reading} or a {@link Rejection}. */
    private static Object decodeReading(int index, JsonNode node) {
        if (!node.isObject()) {
            return Rejection.ofReading(index, RejectionReason.INVALID_FIELD, "a reading must be an object");
        }
        JsonNode metricNode = node.get("metric");
        if (metricNode == null) {
            return Rejection.ofReading(index, RejectionReason.MISSING_FIELD, "metric");
        }
        if (!metricNode.isTextual()) {
            return Rejection.ofReading(index, RejectionReason.INVALID_FIELD, "metric must be a string");
        }
        Metric metric = Metric.fromCode(metricNode.textValue()).orElse(null);
        if (metric == null) {
            return Rejection.ofReading(index, RejectionReason.UNKNOWN_METRIC, "not a metric this tenant reads");
        }
        JsonNode value = node.get("value");
        if (value == null) {
            return Rejection.ofReading(index, RejectionReason.MISSING_FIELD, "value");
        }
        JsonNode quality = node.get("quality");
        boolean noSignal = quality != null && "no_signal".equals(quality.textValue());
        if (quality != null && !noSignal && !"ok".equals(quality.textValue())) {
            return Rejection.ofReading(index, RejectionReason.INVALID_FIELD, "quality must be \"ok\" or \"no_signal\"");
        }
        JsonNode unitNode = node.get("unit");
        if (metric.isBoolean()) {
            if (unitNode != null && !unitNode.isNull()) {
                return Rejection.ofReading(index, RejectionReason.UNIT_NOT_ALLOWED, metric.code() + " takes no unit");
            }
            if (!value.isBoolean()) {
                return Rejection.ofReading(index, RejectionReason.VALUE_NOT_BOOLEAN,
                        metric.code() + " must be true or false");
            }
            double flag = value.booleanValue() ? 1 : 0;
            return new Reading(index, metric, flag, flag, null);
        }
        if (unitNode == null || unitNode.isNull()) {
            return Rejection.ofReading(index, RejectionReason.MISSING_FIELD, "unit");
        }
        DoubleUnaryOperator converter = unitNode.isTextual()
                ? metric.converterFrom(unitNode.textValue()).orElse(null) : null;
        if (converter == null) {
            return Rejection.ofReading(index, RejectionReason.UNIT_NOT_ALLOWED,
                    metric.code() + " takes " + String.join(" or ", metric.allowedUnits()));
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            return Rejection.ofReading(index, RejectionReason.VALUE_NOT_FINITE_NUMBER,
                    metric.code() + " must be a finite JSON number");
        }
        double sent = value.doubleValue();
        double canonical = converter.applyAsDouble(sent);
        if (!metric.isPossible(canonical)) {
            return Rejection.ofReading(index, RejectionReason.VALUE_IMPOSSIBLE, metric.code()
                    + " outside " + fmt(metric.lowestPossible()) + ".." + fmt(metric.highestPossible())
                    + " " + metric.canonicalUnit());
        }
        return new Reading(index, metric, canonical, sent, unitNode.textValue(), noSignal);
    }

    private static Instant parseTime(JsonNode node) {
        if (!node.isTextual() || node.textValue().length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static Decoding reject(RejectionReason reason, String detail, String messageId) {
        return new Decoding.Rejected(Rejection.ofMessage(reason, detail), messageId);
    }
}
