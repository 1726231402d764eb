package org.wardwatch.telemetry.core;

import static org.wardwatch.telemetry.core.Metric.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The kinds of device a tenant registers, and the metrics each may send. */
public enum DeviceKind {
    PULSE_OXIMETER("pulse_oximeter", EnumSet.of(SPO2, HEART_RATE)),
    BP_MONITOR("bp_monitor", EnumSet.of(SYSTOLIC_BP, DIASTOLIC_BP, HEART_RATE)),
    GLUCOSE_METER("glucose_meter", EnumSet.of(GLUCOSE)),
    THERMOMETER("thermometer", EnumSet.of(BODY_TEMPERATURE)),
    CARDIAC_MONITOR("cardiac_monitor", EnumSet.of(HEART_RATE, RESPIRATORY_RATE, SPO2)),
    SMARTWATCH("smartwatch", EnumSet.of(HEART_RATE, SPO2)),
    STORAGE_SENSOR("storage_sensor", EnumSet.of(STORAGE_TEMPERATURE, DOOR_OPEN));

    private final String code;
    private final Set<Metric> metrics;

    DeviceKind(String code, Set<Metric> metrics) {
        this.code = code;
        this.metrics = metrics;
    }

    public String code() {
        return code;
    }

    public boolean allows(Metric metric) {
        return metrics.contains(metric);
    }

    public static Optional<DeviceKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
