package org.wardwatch.localstack.ward;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A device of the simulated ward and how its readings evolve over the run: steady values with noise, or a
 * trajectory (a deteriorating patient, a fridge whose door was left open).
 *
 * @param storageProfile for storage sensors, else null
 */
public record SimulatedDevice(String thing, String kind, String ward, String bed, String storageProfile,
                              Behaviour behaviour) {

    /** What the device's readings do over the run. */
    public enum Behaviour { STEADY, DETERIORATING, DOOR_LEFT_OPEN, BATTERY_DIES }

    /** When a device whose battery dies stops reporting, as a fraction of the run. */
    static final double BATTERY_DEAD_AT = 0.3;

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
        boolean worse = behaviour == Behaviour.DETERIORATING;
        switch (kind) {
            case "pulse_oximeter" -> {
                readings.add(number("spo2", clamp(worse ? lerp(97, 86, progress) : 97, noise, 1.0, 70, 100), "%", 0));
                readings.add(number("heart_rate", worse ? lerp(82, 138, progress) + noise.nextGaussian() * 2
                        : 74 + noise.nextGaussian() * 4, "/min", 0));
            }
            case "bp_monitor" -> {
                readings.add(number("systolic_bp", worse ? lerp(118, 86, progress) + noise.nextGaussian() * 2
                        : 122 + noise.nextGaussian() * 6, "mm[Hg]", 0));
                readings.add(number("diastolic_bp", 76 + noise.nextGaussian() * 4, "mm[Hg]", 0));
                readings.add(number("heart_rate", worse ? lerp(84, 136, progress) + noise.nextGaussian() * 2
                        : 74 + noise.nextGaussian() * 4, "/min", 0));
            }
            case "thermometer" -> readings.add(number("body_temperature", 36.8 + noise.nextGaussian() * 0.15, "Cel", 1));
            case "storage_sensor" -> {
                boolean freezer = storageProfile != null && storageProfile.contains("freezer");
                boolean open = behaviour == Behaviour.DOOR_LEFT_OPEN && progress >= 0.3;
                double base = freezer ? -20 : 4.8;
                double temperature = open ? base + (progress - 0.3) * 10 : base;
                readings.add(number("storage_temperature", temperature + noise.nextGaussian() * 0.2, "Cel", 1));
                readings.add("{\"metric\":\"door_open\",\"value\":" + open + "}");
            }
            default -> throw new IllegalArgumentException("no simulation for kind " + kind);
        }
        return String.join(",", readings);
    }

    private static double lerp(double from, double to, double progress) {
        return from + (to - from) * Math.max(0, Math.min(1, progress));
    }

    private static double clamp(double value, Random noise, double sd, double min, double max) {
        return Math.max(min, Math.min(max, value + noise.nextGaussian() * sd));
    }

    private static String number(String metric, double value, String unit, int decimals) {
        return "{\"metric\":\"" + metric + "\",\"value\":" + String.format(Locale.ROOT, "%." + decimals + "f", value)
                + ",\"unit\":\"" + unit + "\"}";
    }

    /**
     * The default ward, scaled to {@code count} devices: per bed of ICU-3 a pulse oximeter and a BP monitor
     * (bed 4's patient deteriorates; bed 9's oximeter runs its battery down and stops reporting at 30 % of the
     * run), a thermometer, two pharmacy vaccine fridges (the second's door is left open) and a freezer; beyond the
     * default, more beds.
     */
    public static List<SimulatedDevice> ward(int count) {
        List<SimulatedDevice> devices = new ArrayList<>();
        List<SimulatedDevice> extras = List.of(
                new SimulatedDevice("icu3-bed1-temp", "thermometer", "ICU-3", "1", null, Behaviour.STEADY),
                new SimulatedDevice("pharmacy-fridge-1", "storage_sensor", "Pharmacy", null, "vaccine_fridge",
                        Behaviour.STEADY),
                new SimulatedDevice("pharmacy-fridge-2", "storage_sensor", "Pharmacy", null, "vaccine_fridge",
                        Behaviour.DOOR_LEFT_OPEN),
                new SimulatedDevice("pharmacy-freezer-1", "storage_sensor", "Pharmacy", null, "vaccine_freezer",
                        Behaviour.STEADY));
        int beds = Math.max(12, (count - extras.size() + 1) / 2);
        for (int bed = 1; bed <= beds && devices.size() < count; bed++) {
            Behaviour b = bed == 4 ? Behaviour.DETERIORATING : Behaviour.STEADY;
            devices.add(new SimulatedDevice("icu3-bed" + bed + "-spo2", "pulse_oximeter", "ICU-3", Integer.toString(bed), null,
                    bed == 9 ? Behaviour.BATTERY_DIES : b));
            if (devices.size() < count) {
                devices.add(new SimulatedDevice("icu3-bed" + bed + "-bp", "bp_monitor", "ICU-3", Integer.toString(bed), null, b));
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
