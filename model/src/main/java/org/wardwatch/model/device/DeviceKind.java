package org.wardwatch.model.device;

import static org.wardwatch.model.reading.Metric.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.model.reading.Metric;

/**
 * The kinds of device a tenant registers: the metrics each may send, where it is placed, which reporting interval
 * it is held to, and whether it needs a storage profile. The code is the {@code kind} attribute in IoT and in the
 * devices table.
 */
public enum DeviceKind {
    PULSE_OXIMETER("pulse_oximeter", Placement.BED, ReportingInterval.VITALS, EnumSet.of(SPO2, HEART_RATE)),
    BP_MONITOR("bp_monitor", Placement.BED, ReportingInterval.VITALS,
            EnumSet.of(SYSTOLIC_BP, DIASTOLIC_BP, HEART_RATE)),
    GLUCOSE_METER("glucose_meter", Placement.BED, ReportingInterval.VITALS, EnumSet.of(GLUCOSE)),
    THERMOMETER("thermometer", Placement.BED, ReportingInterval.VITALS, EnumSet.of(BODY_TEMPERATURE)),
    CARDIAC_MONITOR("cardiac_monitor", Placement.BED, ReportingInterval.VITALS,
            EnumSet.of(HEART_RATE, RESPIRATORY_RATE, SPO2)),
    SMARTWATCH("smartwatch", Placement.BED, ReportingInterval.VITALS, EnumSet.of(HEART_RATE, SPO2)),
    STORAGE_SENSOR("storage_sensor", Placement.STORAGE, ReportingInterval.STORAGE,
            EnumSet.of(STORAGE_TEMPERATURE, DOOR_OPEN)),
    ROOM_ENVIRONMENT("room_environment", Placement.ROOM, ReportingInterval.VITALS,
            EnumSet.of(ROOM_TEMPERATURE, RELATIVE_HUMIDITY, CO2, PM2_5, DIFFERENTIAL_PRESSURE));

    private final String code;
    private final Placement placement;
    private final ReportingInterval interval;
    private final Set<Metric> metrics;

    DeviceKind(String code, Placement placement, ReportingInterval interval, Set<Metric> metrics) {
        this.code = code;
        this.placement = placement;
        this.interval = interval;
        this.metrics = Collections.unmodifiableSet(metrics);
    }

    /** The wire name, e.g. {@code pulse_oximeter}. */
    public String code() {
        return code;
    }

    public Placement placement() {
        return placement;
    }

    public ReportingInterval interval() {
        return interval;
    }

    /** The metrics this kind may send; any other is refused as a reading. */
    public Set<Metric> metrics() {
        return metrics;
    }

    public boolean allows(Metric metric) {
        return metrics.contains(metric);
    }

    /** A storage unit's sensor is watched by a storage profile, which it must name; no other kind names one. */
    public boolean needsStorageProfile() {
        return placement == Placement.STORAGE;
    }

    /** A room's sensor is placed by ward and room, not at a bed. */
    public boolean placedInRoom() {
        return placement == Placement.ROOM;
    }

    /**
     * Rank of this kind as a source of a bed's vital signs, lower first (functions/README.md, "Alerts at the bed"):
     * a cardiac monitor, then a pulse oximeter, then a BP monitor, then spot-check devices, then a smartwatch.
     */
    public int sourceRank() {
        return switch (this) {
            case CARDIAC_MONITOR -> 0;
            case PULSE_OXIMETER -> 1;
            case BP_MONITOR -> 2;
            case GLUCOSE_METER, THERMOMETER -> 3;
            case SMARTWATCH -> 9;
            case STORAGE_SENSOR, ROOM_ENVIRONMENT -> 10;
        };
    }

    /** A consumer device (smartwatch): never opens or changes an alert at a bed that has a medical source. */
    public boolean consumerGrade() {
        return this == SMARTWATCH;
    }

    public static Optional<DeviceKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** Every kind's code, in declaration order, for messages. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(DeviceKind::code).toList();
    }

    @Override
    public String toString() {
        return code;
    }
}
