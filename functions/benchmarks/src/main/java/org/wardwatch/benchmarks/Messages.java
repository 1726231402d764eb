package org.wardwatch.benchmarks;

import static org.wardwatch.model.alert.ThresholdBand.above;
import static org.wardwatch.model.alert.ThresholdBand.aboveUpTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.functions.service.BedSnapshot;
import org.wardwatch.functions.service.LatestState;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.MessageValidator;
import org.wardwatch.functions.core.PayloadDecoder;

/**
 * Typical device messages, the in-memory registry the benchmarks validate them against, and the stored state they
 * are evaluated from. No device kind measures four metrics, so the four-reading message is a cardiac monitor's three
 * vitals plus a body temperature in degF, which validation refuses (METRIC_NOT_ALLOWED_FOR_KIND) after decoding and
 * converting it.
 *
 * <p>ICU-3 bed 4 has a pulse oximeter, a BP monitor and a thermometer: heart rate has two sources, the oximeter
 * ranked first; ICU-3 bed 5 a cardiac monitor and a pulse oximeter, both feeding heart rate and SpO2. Every bed
 * parameter is quiet, its sources' latest values a minute or two old (the thermometer's, a spot check, four hours).
 */
final class Messages {

    static final String TENANT = "demo-hospital";
    static final Instant DEVICE_TIME = Instant.parse("2026-11-25T10:15:00Z");
    static final Instant RECEIVED_AT = DEVICE_TIME.plusSeconds(2);

    static final String THERMOMETER = "icu3-bed4-temp";
    static final String OXIMETER = "icu3-bed4-spo2";
    static final String CARDIAC_MONITOR = "icu3-bed5-ecg";
    /** Sources at the beds that no benchmark sends from. */
    static final String BP_MONITOR = "icu3-bed4-bp";
    static final String BED5_OXIMETER = "icu3-bed5-spo2";
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
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed5-ecg-000123","deviceTime":"2026-11-25T10:15:00.250Z",\
            "device":"icu3-bed5-ecg","readings":[{"metric":"heart_rate","value":72,"unit":"/min"},\
            {"metric":"respiratory_rate","value":16,"unit":"/min"},{"metric":"spo2","value":97,"unit":"%"},\
            {"metric":"body_temperature","value":98.9,"unit":"[degF]"}]}""");

    /**
     * SpO2 at 85 %: opens a CRITICAL alert at once from a quiet state (at or below 85 skips the 15 s alarm delay;
     * 88 would only start the delay).
     */
    static final byte[] TWO_READINGS_ALERTING = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-spo2-000124","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":85,"unit":"%"},\
            {"metric":"heart_rate","value":72,"unit":"/min"}]}""");

    /**
     * SpO2 89 % and heart rate 115 /min: both normal in the bands of {@link #ADMITTED_SCALE_2}'s patient, SpO2
     * CRITICAL and heart rate WARNING in the tenant's.
     */
    static final byte[] TWO_READINGS_SCALE_2 = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"icu3-bed4-spo2-000126","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":89,"unit":"%"},\
            {"metric":"heart_rate","value":115,"unit":"/min"}]}""");

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
            CARDIAC_MONITOR, new Device(CARDIAC_MONITOR, TENANT, DeviceKind.CARDIAC_MONITOR, "ICU-3", "5", null,
                    "adm-81724", true),
            FRIDGE, new Device(FRIDGE, TENANT, DeviceKind.STORAGE_SENSOR, "Pharmacy", null, "vaccine_fridge", null,
                    true));

    /** The patient in bed 4, on the tenant's bands (SpO2 scale 1, no overrides of their own). */
    static final Admission ADMITTED = new Admission("ICU-3", "4", "adm-81723", DEVICE_TIME.minusSeconds(86_400), 1,
            null, null, Map.of());
    /**
     * The patient in bed 4 on SpO2 scale 2 (hypercapnic), with their own heart rate high side: WARNING above 120,
     * CRITICAL above 140 /min (the tenant's: above 110 and above 130).
     */
    static final Admission ADMITTED_SCALE_2 = new Admission("ICU-3", "4", "adm-81723",
            DEVICE_TIME.minusSeconds(86_400), 2, "dr-0012", DEVICE_TIME.minusSeconds(80_000), Map.of(Metric.HEART_RATE,
            List.of(aboveUpTo("120", "140", Severity.WARNING), above("140", Severity.CRITICAL))));

    /** A device's own state (battery, no signal, a fridge's metric): quiet, last evaluated a minute earlier. */
    static final LatestState QUIET = new LatestState(
            new AlertState(Severity.NONE, null, null, DEVICE_TIME.minusSeconds(60)), null, 1);

    private Messages() {
    }

    /** Bed 4 as the telemetry function reads it before the message, with {@code admission} in the bed. */
    static BedSnapshot bed4(Admission admission) {
        return new BedSnapshot("ICU-3", "4", Optional.of(admission), Map.of(
                Metric.HEART_RATE, quiet("4", Metric.HEART_RATE, 57,
                        source(OXIMETER, DeviceKind.PULSE_OXIMETER, 72, 60),
                        source(BP_MONITOR, DeviceKind.BP_MONITOR, 74, 120)),
                Metric.SPO2, quiet("4", Metric.SPO2, 41, source(OXIMETER, DeviceKind.PULSE_OXIMETER, 97, 60)),
                Metric.BODY_TEMPERATURE, quiet("4", Metric.BODY_TEMPERATURE, 3,
                        source(THERMOMETER, DeviceKind.THERMOMETER, 36.9, 4 * 3600))));
    }

    /** Bed 5, its patient on the tenant's bands. */
    static BedSnapshot bed5() {
        Admission admission = new Admission("ICU-3", "5", "adm-81724", DEVICE_TIME.minusSeconds(86_400), 1, null,
                null, Map.of());
        return new BedSnapshot("ICU-3", "5", Optional.of(admission), Map.of(
                Metric.HEART_RATE, quiet("5", Metric.HEART_RATE, 57,
                        source(CARDIAC_MONITOR, DeviceKind.CARDIAC_MONITOR, 72, 60),
                        source(BED5_OXIMETER, DeviceKind.PULSE_OXIMETER, 73, 60)),
                Metric.SPO2, quiet("5", Metric.SPO2, 57,
                        source(CARDIAC_MONITOR, DeviceKind.CARDIAC_MONITOR, 97, 60),
                        source(BED5_OXIMETER, DeviceKind.PULSE_OXIMETER, 97, 60)),
                Metric.RESPIRATORY_RATE, quiet("5", Metric.RESPIRATORY_RATE, 57,
                        source(CARDIAC_MONITOR, DeviceKind.CARDIAC_MONITOR, 16, 60))));
    }

    /** No alert open, every counted reading normal for the last hour, the latest counted {@code first}'s. */
    private static BedParameter quiet(String bed, Metric metric, long version, SourceValue first,
                                      SourceValue... others) {
        Instant hourAgo = DEVICE_TIME.minusSeconds(3600);
        Instant normalSince = first.deviceTime().isBefore(hourAgo) ? first.deviceTime() : hourAgo;
        List<SourceValue> sources = new java.util.ArrayList<>(List.of(others));
        sources.add(first);
        sources.sort(java.util.Comparator.<SourceValue>comparingInt(s -> s.kind().sourceRank())
                .thenComparing(SourceValue::thingName));
        return new BedParameter("ICU-3", bed, metric, new BedParameterState(Severity.NONE, null, null, null, null,
                normalSince, normalSince, first.deviceTime(), sources), version);
    }

    private static SourceValue source(String thing, DeviceKind kind, double value, long secondsAgo) {
        return new SourceValue(thing, kind, value, DEVICE_TIME.minusSeconds(secondsAgo));
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
