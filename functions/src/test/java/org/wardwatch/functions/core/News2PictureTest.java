package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.device.DeviceKind.BP_MONITOR;
import static org.wardwatch.model.device.DeviceKind.CARDIAC_MONITOR;
import static org.wardwatch.model.device.DeviceKind.PULSE_OXIMETER;
import static org.wardwatch.model.device.DeviceKind.SMARTWATCH;
import static org.wardwatch.model.device.DeviceKind.THERMOMETER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.news2.Consciousness;
import org.wardwatch.model.news2.News2Inputs;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.model.tenant.News2Settings;

class News2PictureTest {

    private static final Instant T = Instant.parse("2026-11-25T10:20:00Z");
    private static final News2Settings SETTINGS = News2Settings.DEFAULTS;

    private static Instant before(long seconds) {
        return T.minusSeconds(seconds);
    }

    private static BedParameterState fedBy(SourceValue... sources) {
        return new BedParameterState(Severity.NONE, null, null, null, null, null, null, null, List.of(sources));
    }

    private static News2Picture heartRate(SourceValue... sources) {
        return News2Picture.at(T, Map.of(Metric.HEART_RATE, fedBy(sources)), NurseObservations.NONE, 1, SETTINGS);
    }

    private static News2Value pulse(News2Picture picture) {
        return picture.values().stream().filter(v -> v.parameter() == News2Parameter.PULSE).findFirst().orElseThrow();
    }

    @Test
    void everyParameter_isTakenFromItsSourceOrObservation_inTheChartsOrder() {
        Map<Metric, BedParameterState> parameters = Map.of(
                Metric.RESPIRATORY_RATE, fedBy(new SourceValue("cm-1", CARDIAC_MONITOR, 22, before(30))),
                Metric.SPO2, fedBy(new SourceValue("ox-1", PULSE_OXIMETER, 93.4, before(20))),
                Metric.SYSTOLIC_BP, fedBy(new SourceValue("bp-1", BP_MONITOR, 98, before(600))),
                Metric.HEART_RATE, fedBy(new SourceValue("cm-1", CARDIAC_MONITOR, 115, before(30))),
                Metric.BODY_TEMPERATURE, fedBy(new SourceValue("th-1", THERMOMETER, 37.84, before(1800))));
        NurseObservations observed = new NurseObservations(Consciousness.VOICE, before(3600), "nurse-0017", true,
                before(7200), "nurse-0018");

        News2Picture picture = News2Picture.at(T, parameters, observed, 2, SETTINGS);

        assertThat(picture.inputs()).isEqualTo(new News2Inputs(22.0, 93.4, true, 98.0, 115.0, Consciousness.VOICE,
                37.84, 2));
        assertThat(picture.values()).containsExactly(
                new News2Value(News2Parameter.RESPIRATION_RATE, 22, "22", "cm-1", before(30)),
                new News2Value(News2Parameter.SPO2, 93.4, "93", "ox-1", before(20)),
                new News2Value(News2Parameter.AIR_OR_OXYGEN, 1, "oxygen", "nurse-0018", before(7200)),
                new News2Value(News2Parameter.SYSTOLIC_BP, 98, "98", "bp-1", before(600)),
                new News2Value(News2Parameter.PULSE, 115, "115", "cm-1", before(30)),
                new News2Value(News2Parameter.CONSCIOUSNESS, Consciousness.VOICE.ordinal(), "V", "nurse-0017",
                        before(3600)),
                new News2Value(News2Parameter.TEMPERATURE, 37.84, "37.8", "th-1", before(1800)));
    }

    @Test
    void aBedWithNothingMeasuredOrObserved_hasEveryParameterMissing() {
        News2Picture picture = News2Picture.at(T, Map.of(), NurseObservations.NONE, 1, SETTINGS);

        assertThat(picture.inputs()).isEqualTo(new News2Inputs(null, null, null, null, null, null, null, 1));
        assertThat(picture.values()).isEmpty();
    }

    @Test
    void amongFreshSources_theBestRankedCounts_evenWhenAWorseOneIsNewer() {
        News2Picture picture = heartRate(new SourceValue("bp-1", BP_MONITOR, 120, before(10)),
                new SourceValue("ox-1", PULSE_OXIMETER, 100, before(240)));

        assertThat(pulse(picture).source()).isEqualTo("ox-1");
        assertThat(picture.inputs().pulse()).isEqualTo(100.0);
    }

    @Test
    void aSourceQuietForMoreThanFiveMinutes_givesWayToAFresherOne_ofAnyRank() {
        News2Picture picture = heartRate(new SourceValue("ox-1", PULSE_OXIMETER, 100, before(301)),
                new SourceValue("bp-1", BP_MONITOR, 120, before(60)));

        assertThat(pulse(picture).source()).isEqualTo("bp-1");
    }

    @Test
    void withNoFreshSource_theNewestInTheWindowCounts() {
        News2Picture picture = heartRate(new SourceValue("cm-1", CARDIAC_MONITOR, 90, before(1200)),
                new SourceValue("bp-1", BP_MONITOR, 120, before(600)));

        assertThat(pulse(picture).source()).isEqualTo("bp-1");
    }

    @Test
    void twoFreshSourcesOfOneRank_theNewerCounts_thenTheThingName() {
        assertThat(pulse(heartRate(new SourceValue("ox-a", PULSE_OXIMETER, 90, before(120)),
                new SourceValue("ox-b", PULSE_OXIMETER, 95, before(60)))).source()).isEqualTo("ox-b");
        assertThat(pulse(heartRate(new SourceValue("ox-b", PULSE_OXIMETER, 90, before(60)),
                new SourceValue("ox-a", PULSE_OXIMETER, 95, before(60)))).source()).isEqualTo("ox-a");
    }

    @Test
    void aValueExactlyTheWindowOld_counts_oneSecondOlder_doesNot() {
        Duration window = SETTINGS.window();

        assertThat(heartRate(new SourceValue("ox-1", PULSE_OXIMETER, 90, T.minus(window))).inputs().pulse())
                .isEqualTo(90.0);
        assertThat(heartRate(new SourceValue("ox-1", PULSE_OXIMETER, 90, T.minus(window).minusSeconds(1))).inputs()
                .pulse()).isNull();
    }

    @Test
    void aValueAfterTheEvaluation_doesNotCount() {
        News2Picture picture = heartRate(new SourceValue("cm-1", CARDIAC_MONITOR, 140, T.plusSeconds(1)),
                new SourceValue("ox-1", PULSE_OXIMETER, 100, T));

        assertThat(pulse(picture).source()).isEqualTo("ox-1");
        assertThat(heartRate(new SourceValue("cm-1", CARDIAC_MONITOR, 140, T.plusSeconds(1))).values()).isEmpty();
    }

    @Test
    void aSmartwatch_countsOnlyWhereNoMedicalSourceHasAValueInTheWindow() {
        assertThat(pulse(heartRate(new SourceValue("watch-1", SMARTWATCH, 130, before(10)),
                new SourceValue("ox-1", PULSE_OXIMETER, 100, before(3000)))).source()).isEqualTo("ox-1");
        assertThat(pulse(heartRate(new SourceValue("watch-1", SMARTWATCH, 130, before(10)),
                new SourceValue("ox-1", PULSE_OXIMETER, 100, before(3700)))).source()).isEqualTo("watch-1");
    }

    @Test
    void nurseObservations_countForTheirValidity_thenExpire_andNeverBeforeTheyWereEntered() {
        Duration valid = SETTINGS.observationValid();
        NurseObservations justValid = new NurseObservations(Consciousness.ALERT, T.minus(valid), "nurse-0017", false,
                T.minus(valid), "nurse-0017");
        NurseObservations expired = new NurseObservations(Consciousness.ALERT, T.minus(valid).minusSeconds(1),
                "nurse-0017", false, T.minus(valid).minusSeconds(1), "nurse-0017");
        NurseObservations future = new NurseObservations(Consciousness.PAIN, T.plusSeconds(1), "nurse-0017", true,
                T.plusSeconds(1), "nurse-0017");

        News2Inputs valid1 = News2Picture.at(T, Map.of(), justValid, 1, SETTINGS).inputs();
        News2Inputs expired1 = News2Picture.at(T, Map.of(), expired, 1, SETTINGS).inputs();
        News2Inputs future1 = News2Picture.at(T, Map.of(), future, 1, SETTINGS).inputs();

        assertThat(valid1.consciousness()).isEqualTo(Consciousness.ALERT);
        assertThat(valid1.oxygen()).isFalse();
        assertThat(News2Picture.at(T, Map.of(), justValid, 1, SETTINGS).values()).extracting(News2Value::display)
                .containsExactly("air", "A");
        assertThat(expired1.consciousness()).isNull();
        assertThat(expired1.oxygen()).isNull();
        assertThat(future1.consciousness()).isNull();
        assertThat(future1.oxygen()).isNull();
    }
}
