package org.wardwatch.localstack.ward;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.Isolation;
import org.wardwatch.model.reading.Metric;

/**
 * A device of the simulated ward and how its readings evolve over the run: steady values with noise, or a
 * trajectory (a deteriorating patient, a fridge whose door was left open, an isolation room whose door is propped
 * open). A device sends every metric its kind measures ({@link DeviceKind#metrics()}), so a new kind of known
 * metrics needs nothing here.
 *
 * @param storageProfile for storage sensors, else null
 * @param room           for room sensors, else null
 * @param isolation      a room's isolation, else {@link Isolation#NONE}
 */
public record SimulatedDevice(String thing, DeviceKind kind, String ward, String bed, String storageProfile,
                              Behaviour behaviour, String room, Isolation isolation) {

    /** What the device's readings do over the run. */
    public enum Behaviour { STEADY, DETERIORATING, DOOR_LEFT_OPEN, BATTERY_DIES, PRESSURE_LOST }

    /** When a device whose battery dies stops reporting, as a fraction of the run. */
    static final double BATTERY_DEAD_AT = 0.3;

    /** When a fridge's door is left open, or an isolation room's door propped open, as a fraction of the run. */
    static final double DOOR_OPENED_AT = 0.3;

    /** A healthy patient's, a working unit's or a ventilated room's value: mean, spread, decimals, range. */
    private record Steady(double mean, double sd, int decimals, double min, double max) {
    }

    private static final Map<Metric, Steady> STEADY = new EnumMap<>(Metric.class);

    static {
        STEADY.put(Metric.HEART_RATE, new Steady(74, 4, 0, 30, 200));
        STEADY.put(Metric.RESPIRATORY_RATE, new Steady(16, 1.5, 0, 6, 40));
        STEADY.put(Metric.SPO2, new Steady(97, 1.0, 0, 70, 100));
        STEADY.put(Metric.SYSTOLIC_BP, new Steady(122, 6, 0, 60, 220));
        STEADY.put(Metric.DIASTOLIC_BP, new Steady(76, 4, 0, 30, 140));
        STEADY.put(Metric.BODY_TEMPERATURE, new Steady(36.8, 0.15, 1, 34, 41));
        STEADY.put(Metric.GLUCOSE, new Steady(110, 12, 0, 40, 400));
        STEADY.put(Metric.ROOM_TEMPERATURE, new Steady(22, 0.3, 1, 10, 40));
        STEADY.put(Metric.RELATIVE_HUMIDITY, new Steady(45, 2, 0, 0, 100));
        STEADY.put(Metric.CO2, new Steady(650, 40, 0, 400, 5000));
        STEADY.put(Metric.PM2_5, new Steady(8, 2, 0, 0, 500));
    }

    public SimulatedDevice {
        isolation = isolation == null ? Isolation.NONE : isolation;
    }

    /** A device at a bed or in a storage unit. */
    public SimulatedDevice(String thing, DeviceKind kind, String ward, String bed, String storageProfile,
                           Behaviour behaviour) {
        this(thing, kind, ward, bed, storageProfile, behaviour, null, Isolation.NONE);
    }

    /** The battery level at {@code progress}: draining to 5 % for a dying battery, else nearly full. */
    public double battery(double progress) {
        return behaviour == Behaviour.BATTERY_DIES ? Math.max(0.05, 0.30 - 0.25 * progress / BATTERY_DEAD_AT) : 0.9;
    }

    /** Whether the device still reports at {@code progress}. */
    public boolean reporting(double progress) {
        return behaviour != Behaviour.BATTERY_DIES || progress < BATTERY_DEAD_AT;
    }

    /** The readings JSON array's content at {@code progress} (0 at the start of the run, 1 at its end). */
    public String readings(double progress, Random noise) {
        List<String> readings = new ArrayList<>();
        for (Metric metric : kind.metrics()) {
            readings.add(reading(metric, progress, noise));
        }
        return String.join(",", readings);
    }

    private String reading(Metric metric, double progress, Random noise) {
        boolean worse = behaviour == Behaviour.DETERIORATING;
        boolean doorOpen = progress >= DOOR_OPENED_AT
                && (behaviour == Behaviour.DOOR_LEFT_OPEN || behaviour == Behaviour.PRESSURE_LOST);
        return switch (metric) {
            case SPO2 -> number(metric, worse ? clamp(lerp(97, 86, progress) + noise.nextGaussian(), 70, 100)
                    : steady(metric, noise));
            case HEART_RATE -> number(metric, worse ? lerp(83, 137, progress) + noise.nextGaussian() * 2
                    : steady(metric, noise));
            case SYSTOLIC_BP -> number(metric, worse ? lerp(118, 86, progress) + noise.nextGaussian() * 2
                    : steady(metric, noise));
            case STORAGE_TEMPERATURE -> {
                double base = storageProfile != null && storageProfile.contains("freezer") ? -20 : 4.8;
                double temperature = doorOpen ? base + (progress - DOOR_OPENED_AT) * 10 : base;
                yield number(metric, temperature + noise.nextGaussian() * 0.2, 1);
            }
            case DOOR_OPEN -> "{\"metric\":\"door_open\",\"value\":" + doorOpen + "}";
            case DIFFERENTIAL_PRESSURE -> {
                double held = switch (isolation) {
                    case NEGATIVE -> -6.0;
                    case POSITIVE -> 6.0;
                    case NONE -> 0.5;
                };
                // A propped door equalises the room with its corridor, drifting a little past it.
                double pressure = doorOpen ? lerp(held, -held * 0.1, (progress - DOOR_OPENED_AT) * 4) : held;
                yield number(metric, pressure + noise.nextGaussian() * 0.2, 1);
            }
            default -> number(metric, steady(metric, noise));
        };
    }

    private static double steady(Metric metric, Random noise) {
        Steady s = STEADY.get(metric);
        if (s == null) {
            throw new IllegalArgumentException("no simulation for metric " + metric.code());
        }
        return clamp(s.mean() + noise.nextGaussian() * s.sd(), s.min(), s.max());
    }

    private static double lerp(double from, double to, double progress) {
        return from + (to - from) * Math.max(0, Math.min(1, progress));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String number(Metric metric, double value) {
        Steady s = STEADY.get(metric);
        return number(metric, value, s == null ? metric.precision() : s.decimals());
    }

    private static String number(Metric metric, double value, int decimals) {
        return "{\"metric\":\"" + metric.code() + "\",\"value\":"
                + String.format(Locale.ROOT, "%." + decimals + "f", value) + ",\"unit\":\"" + metric.canonicalUnit()
                + "\"}";
    }

    /** The devices of the default ward. */
    public static final int DEFAULT_COUNT = 31;

    /** The bed whose patient deteriorates, and which also has a cardiac monitor. */
    static final String DETERIORATING_BED = "4";

    /**
     * The default ward, scaled to {@code count} devices: per bed of ICU-3 a pulse oximeter and a BP monitor
     * (bed 4's patient deteriorates, and bed 4 also has a cardiac monitor, so three devices send its heart rate and
     * two its SpO2; bed 9's oximeter runs its battery down and stops reporting at 30 % of the run), a thermometer,
     * two pharmacy vaccine fridges (the second's door is left open) and a freezer, and two rooms of ICU-3 with room
     * sensors: room 1 an airborne-isolation room (negative pressure) whose door is propped open at 30 % of the run,
     * room 2 an ordinary room; beyond the default, more beds.
     */
    public static List<SimulatedDevice> ward(int count) {
        List<SimulatedDevice> devices = new ArrayList<>();
        List<SimulatedDevice> extras = List.of(
                new SimulatedDevice("icu3-bed1-temp", DeviceKind.THERMOMETER, "ICU-3", "1", null, Behaviour.STEADY),
                new SimulatedDevice("pharmacy-fridge-1", DeviceKind.STORAGE_SENSOR, "Pharmacy", null, "vaccine_fridge",
                        Behaviour.STEADY),
                new SimulatedDevice("pharmacy-fridge-2", DeviceKind.STORAGE_SENSOR, "Pharmacy", null, "vaccine_fridge",
                        Behaviour.DOOR_LEFT_OPEN),
                new SimulatedDevice("pharmacy-freezer-1", DeviceKind.STORAGE_SENSOR, "Pharmacy", null,
                        "vaccine_freezer", Behaviour.STEADY),
                new SimulatedDevice("icu3-room1-env", DeviceKind.ROOM_ENVIRONMENT, "ICU-3", null, null,
                        Behaviour.PRESSURE_LOST, "1", Isolation.NEGATIVE),
                new SimulatedDevice("icu3-room2-env", DeviceKind.ROOM_ENVIRONMENT, "ICU-3", null, null,
                        Behaviour.STEADY, "2", Isolation.NONE));
        // Two devices a bed, bed 4's cardiac monitor and the extras.
        int beds = Math.max(12, (count - extras.size()) / 2);
        for (int bed = 1; bed <= beds && devices.size() < count; bed++) {
            String place = Integer.toString(bed);
            Behaviour b = place.equals(DETERIORATING_BED) ? Behaviour.DETERIORATING : Behaviour.STEADY;
            devices.add(new SimulatedDevice("icu3-bed" + bed + "-spo2", DeviceKind.PULSE_OXIMETER, "ICU-3",
                    place, null, bed == 9 ? Behaviour.BATTERY_DIES : b));
            if (devices.size() < count) {
                devices.add(new SimulatedDevice("icu3-bed" + bed + "-bp", DeviceKind.BP_MONITOR, "ICU-3",
                        place, null, b));
            }
            if (place.equals(DETERIORATING_BED) && devices.size() < count) {
                devices.add(new SimulatedDevice("icu3-bed" + bed + "-ecg", DeviceKind.CARDIAC_MONITOR, "ICU-3",
                        place, null, b));
            }
            if (bed == 12) {
                for (SimulatedDevice extra : extras) {
                    if (devices.size() < count) {
                        devices.add(extra);
                    }
                }
            }
        }
        return devices;
    }
}
