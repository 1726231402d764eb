package org.wardwatch.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.Device;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.functions.core.PayloadDecoder;

/**
 * Typical device messages and the in-memory registry the benchmarks validate them against. No device kind
 * measures four metrics, so the four-reading message is a cardiac monitor's three vitals plus a body
 * temperature in degF, which validation refuses (METRIC_NOT_ALLOWED_FOR_KIND) after decoding and converting it.
 */
final class Messages {

    static final String TENANT = "demo-hospital";
    static final Instant DEVICE_TIME = Instant.parse("2026-11-25T10:15:00Z");
    static final Instant RECEIVED_AT = DEVICE_TIME.plusSeconds(2);

    static final String THERMOMETER = "icu3-bed4-temp";
    static final String OXIMETER = "icu3-bed4-spo2";
    static final String CARDIAC_MONITOR = "icu3-bed4-ecg";
    static final String FRIDGE = "pharm-fridge-1";
    static final String UNREGISTERED = "icu3-bed9-spo2";

    static final byte[] ONE_READING = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-temp-000123","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"body_temperature","value":37.2,"unit":"Cel"}]}""");

    static final byte[] TWO_READINGS = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-spo2-000123","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":97,"unit":"%"},\
            {"metric":"heart_rate","value":72,"unit":"/min"}]}""");

    static final byte[] FOUR_READINGS = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-ecg-000123","deviceTime":"2026-11-25T10:15:00.250Z",\
            "device":"icu3-bed4-ecg","readings":[{"metric":"heart_rate","value":72,"unit":"/min"},\
            {"metric":"respiratory_rate","value":16,"unit":"/min"},{"metric":"spo2","value":97,"unit":"%"},\
            {"metric":"body_temperature","value":98.9,"unit":"[degF]"}]}""");

    /** SpO2 at 88 %: opens a CRITICAL alert from a quiet state. */
    static final byte[] TWO_READINGS_ALERTING = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-spo2-000124","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":88,"unit":"%"},\
            {"metric":"heart_rate","value":72,"unit":"/min"}]}""");

    /** Cut off mid-message: MALFORMED_JSON, the most common rejection of a buggy device. */
    static final byte[] TRUNCATED = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-spo2-000125","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":97,""");

    static final byte[] STORAGE_READING = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"pharm-fridge-1-000123","deviceTime":"2026-11-25T10:15:00Z",\
            "readings":[{"metric":"storage_temperature","value":4.6,"unit":"Cel"},{"metric":"door_open","value":false}]}""");

    static final Map<String, Device> REGISTRY = Map.of(
            THERMOMETER, new Device(THERMOMETER, TENANT, DeviceKind.THERMOMETER, "ICU-3", "4", null, "adm-81723", true),
            OXIMETER, new Device(OXIMETER, TENANT, DeviceKind.PULSE_OXIMETER, "ICU-3", "4", null, "adm-81723", true),
            CARDIAC_MONITOR, new Device(CARDIAC_MONITOR, TENANT, DeviceKind.CARDIAC_MONITOR, "ICU-3", "4", null,
                    "adm-81723", true),
            FRIDGE, new Device(FRIDGE, TENANT, DeviceKind.STORAGE_SENSOR, "Pharmacy", null, "vaccine_fridge", null,
                    true));

    private Messages() {
    }

    static MessageValidator validator() {
        return new MessageValidator(TENANT, new PayloadDecoder(), thing -> Optional.ofNullable(REGISTRY.get(thing)));
    }

    static Envelope envelope(String thing) {
        return new Envelope(TENANT, thing, thing, RECEIVED_AT);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
