package org.wardwatch.telemetry.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * What a device measures, with its canonical UCUM unit, the units a device may send it in, the precision alerts
 * compare it at, and the range outside which a value is physically impossible (in the canonical unit).
 */
public enum Metric {
    HEART_RATE("heart_rate", "/min", 0, 0, 350, units("/min")),
    RESPIRATORY_RATE("respiratory_rate", "/min", 0, 0, 150, units("/min")),
    SPO2("spo2", "%", 0, 0, 100, units("%")),
    SYSTOLIC_BP("systolic_bp", "mm[Hg]", 0, 0, 350, units("mm[Hg]")),
    DIASTOLIC_BP("diastolic_bp", "mm[Hg]", 0, 0, 300, units("mm[Hg]")),
    BODY_TEMPERATURE("body_temperature", "Cel", 1, 10, 50,
            units("Cel").with("[degF]", f -> (f - 32.0) * 5.0 / 9.0)),
    /** 1 mmol/L = 18.016 mg/dL (shared/REFERENCE.md, Glucose). */
    GLUCOSE("glucose", "mg/dL", 0, 0, 3000, units("mg/dL").with("mmol/L", mmol -> mmol * 18.016)),
    STORAGE_TEMPERATURE("storage_temperature", "Cel", 1, -100, 100, units("Cel")),
    /** A JSON boolean with no unit; stored as 1 (open) or 0 (closed). */
    DOOR_OPEN("door_open", null, 0, 0, 1, units());

    private final String code;
    private final String canonicalUnit;
    private final int precision;
    private final double lowestPossible;
    private final double highestPossible;
    private final Map<String, DoubleUnaryOperator> toCanonical;

    Metric(String code, String canonicalUnit, int precision, double lowestPossible, double highestPossible,
           Units units) {
        this.code = code;
        this.canonicalUnit = canonicalUnit;
        this.precision = precision;
        this.lowestPossible = lowestPossible;
        this.highestPossible = highestPossible;
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

    /** Decimal places alert thresholds compare at: integers, temperatures one decimal (NEWS2 table). */
    public int precision() {
        return precision;
    }

    public boolean isBoolean() {
        return this == DOOR_OPEN;
    }

    /** The conversion of a value sent in {@code unit} to the canonical unit, if that unit is allowed. */
    public Optional<DoubleUnaryOperator> converterFrom(String unit) {
        return Optional.ofNullable(toCanonical.get(unit));
    }

    /** The units a device may send, for error messages. */
    public java.util.Set<String> allowedUnits() {
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
