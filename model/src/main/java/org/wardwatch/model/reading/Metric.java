package org.wardwatch.model.reading;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * What a device measures: its wire code, its canonical UCUM unit and the units a device may send it in, its LOINC
 * code where one exists (docs/clinical-defaults.md, "Codes for interoperability"), how staff read it, the precision alerts
 * compare it at, the range outside which a value is physically impossible (in the canonical unit), how long it is
 * kept and what watches it.
 */
public enum Metric {
    HEART_RATE("heart_rate", "/min", "8867-4", "heart rate", "HR", "/min", 0, 0, 350,
            Retention.READINGS, Watch.THRESHOLD_BANDS, units("/min")),
    RESPIRATORY_RATE("respiratory_rate", "/min", "9279-1", "respiratory rate", "RR", "/min", 0, 0, 150,
            Retention.READINGS, Watch.THRESHOLD_BANDS, units("/min")),
    SPO2("spo2", "%", "2708-6", "SpO2", "SpO2", "%", 0, 0, 100,
            Retention.READINGS, Watch.THRESHOLD_BANDS, units("%")),
    SYSTOLIC_BP("systolic_bp", "mm[Hg]", "8480-6", "systolic BP", "SBP", "mmHg", 0, 0, 350,
            Retention.READINGS, Watch.THRESHOLD_BANDS, units("mm[Hg]")),
    DIASTOLIC_BP("diastolic_bp", "mm[Hg]", "8462-4", "diastolic BP", "DBP", "mmHg", 0, 0, 300,
            Retention.READINGS, Watch.THRESHOLD_BANDS, units("mm[Hg]")),
    BODY_TEMPERATURE("body_temperature", "Cel", "8310-5", "body temperature", "Temp", "C", 1, 10, 50,
            Retention.READINGS, Watch.THRESHOLD_BANDS,
            units("Cel").with("[degF]", f -> (f - 32.0) * 5.0 / 9.0)),
    /** 1 mmol/L = 18.016 mg/dL (docs/clinical-defaults.md, "Glucose"). */
    GLUCOSE("glucose", "mg/dL", "2339-0", "glucose", "Glucose", "mg/dL", 0, 0, 3000,
            Retention.READINGS, Watch.THRESHOLD_BANDS, units("mg/dL").with("mmol/L", mmol -> mmol * 18.016)),
    STORAGE_TEMPERATURE("storage_temperature", "Cel", null, "storage temperature", "Store temp", "C", 1, -100, 100,
            Retention.COLD_CHAIN, Watch.STORAGE_PROFILE, units("Cel")),
    /** A JSON boolean with no unit; stored as 1 (open) or 0 (closed). */
    DOOR_OPEN("door_open", null, null, "door open", "Door open", "", 0, 0, 1,
            Retention.COLD_CHAIN, Watch.DOOR_DELAY, units()),
    /** Room air (docs/clinical-defaults.md, "Room environment"); the three below likewise. */
    ROOM_TEMPERATURE("room_temperature", "Cel", null, "room temperature", "Room temp", "C", 1, -20, 60,
            Retention.READINGS, Watch.ENVIRONMENT, units("Cel")),
    RELATIVE_HUMIDITY("relative_humidity", "%", null, "relative humidity", "Humidity", "%", 0, 0, 100,
            Retention.READINGS, Watch.ENVIRONMENT, units("%")),
    CO2("co2", "[ppm]", null, "CO2", "CO2", "ppm", 0, 0, 40000,
            Retention.READINGS, Watch.ENVIRONMENT, units("[ppm]")),
    PM2_5("pm2_5", "ug/m3", null, "PM2.5", "PM2.5", "ug/m3", 0, 0, 2000,
            Retention.READINGS, Watch.ENVIRONMENT, units("ug/m3")),
    /**
     * The room against its corridor: negative = the room is under negative pressure. Its threshold bands compare
     * the isolation margin, not the reading: see {@link #bandsCompare(double, org.wardwatch.model.device.Isolation)}.
     */
    DIFFERENTIAL_PRESSURE("differential_pressure", "Pa", null, "room pressure", "Room pressure", "Pa", 1, -500, 500,
            Retention.READINGS, Watch.ENVIRONMENT, units("Pa"));

    /** How long a metric's readings are kept. */
    public enum Retention {
        /** The tenant's reading retention ({@code WARDWATCH_READING_RETENTION_DAYS}). */
        READINGS,
        /** The cold chain's, CDC's three years by default ({@code WARDWATCH_COLD_CHAIN_RETENTION_DAYS}). */
        COLD_CHAIN
    }

    /** What raises a metric's alerts, and so what a tenant may configure for it. */
    public enum Watch {
        /** Threshold bands (NEWS2 defaults, tenant overrides). */
        THRESHOLD_BANDS,
        /** The storage unit's profile and the excursion delays, not threshold bands. */
        STORAGE_PROFILE,
        /** The door-open delay; a boolean takes no threshold bands. */
        DOOR_DELAY,
        /**
         * Threshold bands (defaults in docs/clinical-defaults.md, tenant overrides) held for a while: a room's
         * door opening makes short excursions normal, so a band counts only once readings have stayed in it.
         */
        ENVIRONMENT
    }

    private final String code;
    private final String canonicalUnit;
    private final String loinc;
    private final String label;
    private final String shortLabel;
    private final String displayUnit;
    private final int precision;
    private final double lowestPossible;
    private final double highestPossible;
    private final Retention retention;
    private final Watch watch;
    private final Map<String, DoubleUnaryOperator> toCanonical;

    Metric(String code, String canonicalUnit, String loinc, String label, String shortLabel, String displayUnit,
           int precision, double lowestPossible, double highestPossible, Retention retention, Watch watch,
           Units units) {
        this.code = code;
        this.canonicalUnit = canonicalUnit;
        this.loinc = loinc;
        this.label = label;
        this.shortLabel = shortLabel;
        this.displayUnit = displayUnit;
        this.precision = precision;
        this.lowestPossible = lowestPossible;
        this.highestPossible = highestPossible;
        this.retention = retention;
        this.watch = watch;
        this.toCanonical = Collections.unmodifiableMap(units.map);
    }

    /** The wire name, e.g. {@code heart_rate}. */
    public String code() {
        return code;
    }

    /** The UCUM unit values are stored and compared in; null for {@link #DOOR_OPEN}. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** The LOINC code (FHIR R4 vital-signs profile), or empty where there is none. */
    public Optional<String> loinc() {
        return Optional.ofNullable(loinc);
    }

    /** How an e-mail names it, e.g. {@code heart rate}. */
    public String label() {
        return label;
    }

    /** How a text message names it, e.g. {@code HR}. */
    public String shortLabel() {
        return shortLabel;
    }

    /** The unit as staff read it in a message ({@code mmHg}, {@code C}); empty for a door. */
    public String displayUnit() {
        return displayUnit;
    }

    /**
     * Decimal places values are shown at, and the most a threshold bound may have: integers, temperatures one
     * decimal (NEWS2 table). Alerts compare the value as measured, not rounded to this.
     */
    public int precision() {
        return precision;
    }

    /**
     * A typical normal value, for metrics with threshold bands (docs/clinical-defaults.md): it tells a band on the
     * low side of the normal range from one on the high side, and a band containing it is refused. For
     * {@link #DIFFERENTIAL_PRESSURE} it is an isolation margin (6 Pa, comfortably above the 2.5 Pa minimum); for
     * {@link #PM2_5} 0, so all its bands are on the high side. Empty for metrics without bands.
     */
    public Optional<java.math.BigDecimal> typical() {
        String typical = switch (this) {
            case HEART_RATE -> "75";
            case RESPIRATORY_RATE -> "16";
            case SPO2 -> "97";
            case SYSTOLIC_BP -> "120";
            case DIASTOLIC_BP -> "75";
            case BODY_TEMPERATURE -> "37.0";
            case GLUCOSE -> "100";
            case ROOM_TEMPERATURE -> "22.0";
            case RELATIVE_HUMIDITY -> "40";
            case CO2 -> "400";
            case PM2_5 -> "0";
            case DIFFERENTIAL_PRESSURE -> "6.0";
            case STORAGE_TEMPERATURE, DOOR_OPEN -> null;
        };
        return Optional.ofNullable(typical).map(java.math.BigDecimal::new);
    }

    public Retention retention() {
        return retention;
    }

    public Watch watch() {
        return watch;
    }

    public boolean isBoolean() {
        return canonicalUnit == null;
    }

    /** The conversion of a value sent in {@code unit} to the canonical unit, if that unit is allowed. */
    public Optional<DoubleUnaryOperator> converterFrom(String unit) {
        return Optional.ofNullable(toCanonical.get(unit));
    }

    /** The units a device may send, for error messages. */
    public Set<String> allowedUnits() {
        return toCanonical.keySet();
    }

    public boolean isPossible(double canonicalValue) {
        return canonicalValue >= lowestPossible && canonicalValue <= highestPossible;
    }

    public double lowestPossible() {
        return lowestPossible;
    }

    public double highestPossible() {
        return highestPossible;
    }

    /** Whether its threshold bands watch it, alone or held for a while ({@link Watch#ENVIRONMENT}). */
    public boolean takesThresholdBands() {
        return watch == Watch.THRESHOLD_BANDS || watch == Watch.ENVIRONMENT;
    }

    /**
     * The value this metric's threshold bands compare, or empty when none apply. For {@link #DIFFERENTIAL_PRESSURE}
     * that is the isolation margin: how far the room holds the pressure its isolation needs (the reading negated
     * for {@code negative} isolation, as read for {@code positive}), so one table serves both; a room without
     * isolation has none. Every other metric compares its reading.
     */
    public Optional<Double> bandsCompare(double value, org.wardwatch.model.device.Isolation isolation) {
        if (this != DIFFERENTIAL_PRESSURE) {
            return Optional.of(value);
        }
        return switch (isolation) {
            case NEGATIVE -> Optional.of(value == 0 ? 0.0 : -value);
            case POSITIVE -> Optional.of(value);
            case NONE -> Optional.empty();
        };
    }

    public static Optional<Metric> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    private static Units units(String... identity) {
        Units units = new Units();
        for (String unit : identity) {
            units.map.put(unit, DoubleUnaryOperator.identity());
        }
        return units;
    }

    private static final class Units {
        private final Map<String, DoubleUnaryOperator> map = new LinkedHashMap<>();

        Units with(String unit, DoubleUnaryOperator conversion) {
            map.put(unit, conversion);
            return this;
        }
    }
}
