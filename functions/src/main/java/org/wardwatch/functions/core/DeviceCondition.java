package org.wardwatch.functions.core;

/** Conditions of a device itself, rather than of what it measures; their alerts have type {@code DEVICE}. */
public enum DeviceCondition {
    /** The battery is below 15 %: WARNING until it is charged again. */
    BATTERY("battery"),
    /** No reading for more than three times the kind's expected interval: WARNING until it reports again. */
    SILENCE("silence"),
    /** SpO2 0, heart rate 0 or a reading marked no_signal for 30 s of device time: WARNING until a valid reading
     * ({@link NoSignal}). */
    NO_SIGNAL("no_signal");

    /** Battery level below which a device warns (issue 7: "below 15 %"). */
    public static final double LOW_BATTERY = 0.15;
    /** A device is silent after this many of its kind's expected intervals without a reading. */
    public static final int SILENT_INTERVALS = 3;

    private final String code;

    DeviceCondition(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
