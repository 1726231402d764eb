package org.wardwatch.fhir;

import java.time.Instant;
import java.util.Objects;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;

/**
 * One stored reading of an admitted patient, as the export reads it: never a name, only the admission's
 * {@code patientRef}.
 *
 * @param key the reading's table key (device, message, metric): the exported Observation's identifier, so that a
 *            re-sent reading is recognised as the same
 * @param value in the metric's canonical unit
 * @param deviceTime when the device measured it
 */
public record PatientReading(String key, String patientRef, String thingName, DeviceKind kind, Metric metric,
                             double value, Instant deviceTime) {

    public PatientReading {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(patientRef, "patientRef");
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(deviceTime, "deviceTime");
    }
}
