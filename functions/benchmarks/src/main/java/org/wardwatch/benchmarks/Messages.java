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
import org.wardwatch.functions.service.News2Stored;
import org.wardwatch.functions.core.News2State;
import org.wardwatch.functions.core.NurseObservations;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.tenant.VitalsPolicy;
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
 * ICU-3 pages by thresholds; AMU-1 scores NEWS2 ({@link #news2Bed()}).
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
    /** AMU-1 scores NEWS2: its bed 7's pulse oximeter sends, the others are the bed's other sources. */
    static final String NEWS2_WARD = "AMU-1";
    static final String NEWS2_OXIMETER = "amu1-bed7-spo2";
    static final String NEWS2_CARDIAC_MONITOR = "amu1-bed7-ecg";
    static final String NEWS2_BP_MONITOR = "amu1-bed7-bp";
    static final String NEWS2_THERMOMETER = "amu1-bed7-temp";

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

    /**
     * {@link #TWO_READINGS} from the oximeter of AMU-1 bed 7 (the same values; the thing names are as long): both
     * score 0 in NEWS2, so with the bed's other parameters the score stays 0.
     */
    static final byte[] NEWS2_TWO_READINGS = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"amu1-bed7-spo2-000123","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":97,"unit":"%"},\
            {"metric":"heart_rate","value":72,"unit":"/min"}]}""");

    /**
     * SpO2 91 % (scale 1: 3) and heart rate 115 /min (2): the bed's NEWS2 goes from 0 to 5, medium, and its WARNING
     * opens at once; neither reading pages on its own on a ward that scores NEWS2.
     */
    static final byte[] NEWS2_TWO_READINGS_RAISING = utf8("""
            {"schema":"wardwatch.reading.v1","messageId":"amu1-bed7-spo2-000124","deviceTime":"2026-11-25T10:15:00Z",\
            "battery":0.82,"readings":[{"metric":"spo2","value":91,"unit":"%"},\
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
            NEWS2_OXIMETER, new Device(NEWS2_OXIMETER, TENANT, DeviceKind.PULSE_OXIMETER, NEWS2_WARD, "7", null,
                    "adm-90311", true),
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

    /** What a ward's vital signs page by: AMU-1 scores NEWS2, every other ward its thresholds. */
    static VitalsPolicy vitalsOf(String ward) {
        return NEWS2_WARD.equals(ward) ? VitalsPolicy.NEWS2 : VitalsPolicy.THRESHOLDS;
    }

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

    /**
     * AMU-1 bed 7 as the telemetry function reads it on a ward that scores NEWS2: every parameter NEWS2 scores,
     * quiet and within its 60-minute window (respiratory rate 16 from the cardiac monitor a minute ago, which
     * carried no SpO2 or heart rate; SpO2 97 and heart rate 72 from the oximeter; systolic 124 from the BP monitor
     * 20 minutes ago, which also gave heart rate 75; temperature 36.9 half an hour ago), the patient alert and on
     * air since a nurse's observation two hours ago, and the bed's NEWS2 state: no alert, scored 0 a minute earlier
     * and for the last hour.
     */
    static BedSnapshot news2Bed() {
        Admission admission = new Admission(NEWS2_WARD, "7", "adm-90311", DEVICE_TIME.minusSeconds(86_400), 1, null,
                null, Map.of());
        Instant hourAgo = DEVICE_TIME.minusSeconds(3600);
        Instant observedAt = DEVICE_TIME.minusSeconds(2 * 3600);
        News2Stored news2 = new News2Stored(new News2State(Severity.NONE, null, null, hourAgo, hourAgo,
                DEVICE_TIME.minusSeconds(60), 0), 12, new NurseObservations(Consciousness.ALERT, observedAt,
                "nurse-0017", false, observedAt, "nurse-0017"));
        return new BedSnapshot(NEWS2_WARD, "7", Optional.of(admission), Map.of(
                Metric.RESPIRATORY_RATE, quiet(NEWS2_WARD, "7", Metric.RESPIRATORY_RATE, 57,
                        source(NEWS2_CARDIAC_MONITOR, DeviceKind.CARDIAC_MONITOR, 16, 60)),
                Metric.SPO2, quiet(NEWS2_WARD, "7", Metric.SPO2, 41,
                        source(NEWS2_OXIMETER, DeviceKind.PULSE_OXIMETER, 97, 60)),
                Metric.SYSTOLIC_BP, quiet(NEWS2_WARD, "7", Metric.SYSTOLIC_BP, 3,
                        source(NEWS2_BP_MONITOR, DeviceKind.BP_MONITOR, 124, 1200)),
                Metric.HEART_RATE, quiet(NEWS2_WARD, "7", Metric.HEART_RATE, 44,
                        source(NEWS2_OXIMETER, DeviceKind.PULSE_OXIMETER, 72, 60),
                        source(NEWS2_BP_MONITOR, DeviceKind.BP_MONITOR, 75, 1200)),
                Metric.BODY_TEMPERATURE, quiet(NEWS2_WARD, "7", Metric.BODY_TEMPERATURE, 2,
                        source(NEWS2_THERMOMETER, DeviceKind.THERMOMETER, 36.9, 1800))), news2);
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
        return quiet("ICU-3", bed, metric, version, first, others);
    }

    private static BedParameter quiet(String ward, String bed, Metric metric, long version, SourceValue first,
                                      SourceValue... others) {
        Instant hourAgo = DEVICE_TIME.minusSeconds(3600);
        Instant normalSince = first.deviceTime().isBefore(hourAgo) ? first.deviceTime() : hourAgo;
        List<SourceValue> sources = new java.util.ArrayList<>(List.of(others));
        sources.add(first);
        sources.sort(java.util.Comparator.<SourceValue>comparingInt(s -> s.kind().sourceRank())
                .thenComparing(SourceValue::thingName));
        return new BedParameter(ward, bed, metric, new BedParameterState(Severity.NONE, null, null, null, null,
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
