package org.wardwatch.functions.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.wardwatch.model.reading.Metric;

/** The key layout of the readings and quarantine tables (functions/README.md, "Tables"). */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";
    /** Fixed width, so sort keys order as times do. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String device(String thingName) {
        return "D#" + (thingName == null || thingName.isEmpty() ? "<none>" : thingName);
    }

    /** The partition of a bed: its admission, its history and each parameter's alert. */
    static String bed(String ward, String bed) {
        return "B#" + ward + "#" + bed;
    }

    /** A bed parameter's alert state ({@link org.wardwatch.functions.core.BedParameterState}). */
    static String bedParameter(Metric metric) {
        return "P#" + metric.code();
    }

    /** In a device's partition: the bed its readings last fed. */
    static final String PLACE = "W#place";

    /** The bed's current admission. */
    static final String ADMISSION = "A#current";

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String reading(Instant deviceTime, Metric metric, String messageId, int index) {
        return "R#" + time(deviceTime) + "#" + metric.code() + "#" + messageId + "#" + index;
    }

    static String latest(Metric metric) {
        return "L#" + metric.code();
    }

    static String excursion(Instant start) {
        return "X#" + time(start);
    }

    static String condition(org.wardwatch.functions.core.DeviceCondition condition) {
        return "H#" + condition.code();
    }

    static String message(String messageId) {
        return "M#" + messageId;
    }

    static String outboxPrefix(String messageId) {
        return "M#" + messageId + "#N#";
    }
}
