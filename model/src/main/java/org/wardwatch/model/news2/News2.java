package org.wardwatch.model.news2;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017), as tabled in docs/clinical-defaults.md
 * ("Vital signs: NEWS2"). Pure: no state, no clock.
 *
 * <p>Values are compared as measured, not rounded. The RCP's columns are whole numbers (temperature tenths); a value
 * between two columns takes the more severe of the two (heart rate 90.5 scores 1, temperature 36.05 scores 1), as
 * {@link org.wardwatch.model.alert.ThresholdTable#news2Defaults()} does. Each chart row is therefore written as the
 * limits of its scoring columns, {@code below} the first value of the next milder column or {@code above} the last
 * value of the previous one; a value takes the highest score of the limits it passes, 0 if none.
 */
public final class News2 {

    /**
     * What a bed's NEWS2 alert is about, where other alerts name their metric or device condition: its alert id,
     * record, state item and outbox key say {@code news2}.
     */
    public static final String SUBJECT = "news2";

    private static final Chart RESPIRATION_RATE = new Chart(
            below(9, 3), below(12, 1), above(20, 2), above(24, 3));
    private static final Chart SPO2_SCALE_1 = new Chart(
            below(92, 3), below(94, 2), below(96, 1));
    /** Scale 2 below its target range (88-92), on air or oxygen alike. */
    private static final Chart SPO2_SCALE_2 = new Chart(
            below(84, 3), below(86, 2), below(88, 1));
    /** Scale 2 above its target range: on oxygen only (on air, 93 and above scores 0). */
    private static final Chart SPO2_SCALE_2_ON_OXYGEN = new Chart(
            below(84, 3), below(86, 2), below(88, 1), above(92, 1), above(94, 2), above(96, 3));
    private static final Chart SYSTOLIC_BP = new Chart(
            below(91, 3), below(101, 2), below(111, 1), above(219, 3));
    private static final Chart PULSE = new Chart(
            below(41, 3), below(51, 1), above(90, 1), above(110, 2), above(130, 3));
    private static final Chart TEMPERATURE = new Chart(
            below(35.1, 3), below(36.1, 1), above(38.0, 1), above(39.0, 2));
    private static final int ON_OXYGEN = 2;
    private static final int NOT_ALERT = 3;

    private News2() {
    }

    /**
     * The score of what is present; a missing parameter (null, or a value that is not a finite number) counts 0 and
     * is named in {@link News2Score#missing()}. SpO2 on scale 2 without the air-or-oxygen state is scored as on air
     * (the scale's high side scores only on oxygen), and air or oxygen is named missing.
     */
    public static News2Score score(News2Inputs in) {
        Map<News2Parameter, Integer> sub = new EnumMap<>(News2Parameter.class);
        Set<News2Parameter> missing = EnumSet.noneOf(News2Parameter.class);
        measured(News2Parameter.RESPIRATION_RATE, in.respirationRate(), RESPIRATION_RATE, sub, missing);
        Chart spo2 = in.spo2Scale() == 1 ? SPO2_SCALE_1
                : Boolean.TRUE.equals(in.oxygen()) ? SPO2_SCALE_2_ON_OXYGEN : SPO2_SCALE_2;
        measured(News2Parameter.SPO2, in.spo2(), spo2, sub, missing);
        observed(News2Parameter.AIR_OR_OXYGEN, in.oxygen() == null ? null : in.oxygen() ? ON_OXYGEN : 0, sub, missing);
        measured(News2Parameter.SYSTOLIC_BP, in.systolicBp(), SYSTOLIC_BP, sub, missing);
        measured(News2Parameter.PULSE, in.pulse(), PULSE, sub, missing);
        observed(News2Parameter.CONSCIOUSNESS, in.consciousness() == null ? null
                : in.consciousness() == Consciousness.ALERT ? 0 : NOT_ALERT, sub, missing);
        measured(News2Parameter.TEMPERATURE, in.temperature(), TEMPERATURE, sub, missing);
        int total = sub.values().stream().mapToInt(Integer::intValue).sum();
        boolean singleThree = sub.containsValue(3);
        return new News2Score(total, sub, missing, News2Response.of(total, singleThree));
    }

    private static void measured(News2Parameter parameter, Double value, Chart chart,
                                 Map<News2Parameter, Integer> sub, Set<News2Parameter> missing) {
        observed(parameter, value == null || !Double.isFinite(value) ? null : chart.score(value), sub, missing);
    }

    private static void observed(News2Parameter parameter, Integer score, Map<News2Parameter, Integer> sub,
                                 Set<News2Parameter> missing) {
        if (score == null) {
            missing.add(parameter);
        } else {
            sub.put(parameter, score);
        }
    }

    private static Limit below(double firstValueOfMilderColumn, int score) {
        return new Limit(firstValueOfMilderColumn, true, score);
    }

    private static Limit above(double lastValueOfMilderColumn, int score) {
        return new Limit(lastValueOfMilderColumn, false, score);
    }

    /** One column's limit: values strictly below (or above) it score at least {@code score}. */
    private record Limit(double value, boolean below, int score) {

        boolean passedBy(double measured) {
            return below ? measured < value : measured > value;
        }
    }

    /** One row of the RCP chart: a value scores the highest of the limits it passes, 0 if none. */
    private record Chart(List<Limit> limits) {

        Chart(Limit... limits) {
            this(List.of(limits));
        }

        int score(double measured) {
            int score = 0;
            for (Limit limit : limits) {
                if (limit.passedBy(measured)) {
                    score = Math.max(score, limit.score());
                }
            }
            return score;
        }
    }
}
