package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.model.alert.Severity.CRITICAL;
import static org.wardwatch.model.alert.Severity.NONE;
import static org.wardwatch.model.alert.Severity.WARNING;
import static org.wardwatch.model.device.DeviceKind.BP_MONITOR;
import static org.wardwatch.model.device.DeviceKind.CARDIAC_MONITOR;
import static org.wardwatch.model.device.DeviceKind.PULSE_OXIMETER;
import static org.wardwatch.model.device.DeviceKind.SMARTWATCH;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.AlarmDelay;
import org.wardwatch.model.alert.AlarmDelays;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;

class BedAlertTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final AlarmDelay HR_DELAY = AlarmDelays.defaults().of(Metric.HEART_RATE);
    private static final AlarmDelay SPO2_DELAY = AlarmDelays.defaults().of(Metric.SPO2);

    private static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /** NEWS2 heart rate: <= 40 or >= 131 CRITICAL, 111-130 WARNING. */
    private static Severity classifyHeartRate(double v) {
        return v <= 40 || v >= 131 ? CRITICAL : v >= 111 ? WARNING : NONE;
    }

    /** NEWS2 SpO2 scale 1: <= 91 CRITICAL, 92-93 WARNING. */
    private static Severity classifySpo2(double v) {
        return v <= 91 ? CRITICAL : v <= 93 ? WARNING : NONE;
    }

    /** One bed's heart rate (or SpO2), fed reading by reading; alert ids A1, A2, ... */
    private static final class Bed {
        BedParameterState state = BedParameterState.INITIAL;
        final List<AlertTransition> published = new ArrayList<>();
        final AlarmDelay delay;
        final boolean spo2;
        int ids;

        Bed(AlarmDelay delay, boolean spo2) {
            this.delay = delay;
            this.spo2 = spo2;
        }

        static Bed heartRate() {
            return new Bed(HR_DELAY, false);
        }

        BedAlert.Step read(String thing, DeviceKind kind, double value, Instant time) {
            Severity observed = spo2 ? classifySpo2(value) : classifyHeartRate(value);
            BedAlert.Step step = BedAlert.evaluate(state, new SourceValue(thing, kind, value, time), observed, delay,
                    () -> "A" + (++ids));
            state = step.state();
            step.transition().ifPresent(published::add);
            return step;
        }

        BedAlert.Step oximeter(double value, double seconds) {
            return read("ox-1", PULSE_OXIMETER, value, at(seconds));
        }

        BedAlert.Step apply(BedAlert.Step step) {
            state = step.state();
            step.transition().ifPresent(published::add);
            return step;
        }

        List<Transition> transitions() {
            return published.stream().map(AlertTransition::transition).toList();
        }
    }

    @Test
    void warningHeldExactlyConfirmSeconds_opens() {
        Bed bed = Bed.heartRate();
        assertThat(bed.oximeter(115, 0).transition()).isEmpty();

        AlertTransition opened = bed.oximeter(118, 15).transition().orElseThrow();

        assertThat(opened).isEqualTo(new AlertTransition(Transition.OPENED, "A1", WARNING, NONE, at(15), at(15)));
        assertThat(bed.state.alertId()).isEqualTo("A1");
        assertThat(bed.state.openedAt()).isEqualTo(at(15));
    }

    @Test
    void warningHeldOneMillisecondLessThanConfirmSeconds_doesNotOpen() {
        Bed bed = Bed.heartRate();
        bed.oximeter(115, 0);

        BedAlert.Step step = bed.oximeter(115, 14.999);

        assertThat(step.transition()).isEmpty();
        assertThat(step.counted()).isTrue();
        assertThat(step.state().atLeastWarningSince()).isEqualTo(at(0));
    }

    @Test
    void aNormalReadingBetween_restartsTheConfirmation() {
        Bed bed = Bed.heartRate();
        bed.oximeter(115, 0);
        bed.oximeter(100, 10);
        bed.oximeter(115, 15);
        bed.oximeter(115, 29.999);
        assertThat(bed.published).isEmpty();

        bed.oximeter(115, 30);

        assertThat(bed.published).extracting(AlertTransition::deviceTime).containsExactly(at(30));
    }

    @Test
    void aRunsStart_isKeptAcrossAGapInTheReadings() {
        Bed bed = Bed.heartRate();
        bed.oximeter(115, 0);

        assertThat(bed.oximeter(115, 600).transition()).get().extracting(AlertTransition::transition)
                .isEqualTo(Transition.OPENED);
    }

    @Test
    void heartRateFlapping110And111EveryMinute_neverOpens() {
        Bed bed = Bed.heartRate();
        for (int i = 0; i < 60; i++) {
            bed.oximeter(i % 2 == 0 ? 111 : 110, 60.0 * i);
        }

        assertThat(bed.published).isEmpty();
        assertThat(bed.state.severity()).isEqualTo(NONE);
    }

    @Test
    void heartRateAlternating130And131EveryMinute_opensOneWarningAndNeverPagesCritical() {
        Bed bed = Bed.heartRate();
        for (int i = 0; i < 60; i++) {
            bed.oximeter(i % 2 == 0 ? 130 : 131, 60.0 * i);
        }

        assertThat(bed.published).singleElement().satisfies(t -> {
            assertThat(t.transition()).isEqualTo(Transition.OPENED);
            assertThat(t.severity()).isEqualTo(WARNING);
        });
    }

    @Test
    void spo2Exactly85_opensCriticalAtOnce() {
        Bed bed = new Bed(SPO2_DELAY, true);

        AlertTransition opened = bed.oximeter(85, 0).transition().orElseThrow();

        assertThat(opened.transition()).isEqualTo(Transition.OPENED);
        assertThat(opened.severity()).isEqualTo(CRITICAL);
    }

    @Test
    void spo2At85Point5_waitsForTheConfirmation() {
        Bed bed = new Bed(SPO2_DELAY, true);
        assertThat(bed.oximeter(85.5, 0).transition()).isEmpty();

        assertThat(bed.oximeter(85.5, 15).transition()).get().extracting(AlertTransition::severity)
                .isEqualTo(CRITICAL);
    }

    @Test
    void heartRate150_opensCriticalAtOnce_whileAWarningIsOpenItEscalatesAtOnce() {
        Bed fresh = Bed.heartRate();
        assertThat(fresh.oximeter(150, 0).transition()).get().extracting(AlertTransition::severity)
                .isEqualTo(CRITICAL);

        Bed warned = Bed.heartRate();
        warned.oximeter(120, 0);
        warned.oximeter(120, 15);
        warned.oximeter(160, 30);
        assertThat(warned.transitions()).containsExactly(Transition.OPENED, Transition.ESCALATED);
    }

    @Test
    void confirmZero_theFirstReadingDecides() {
        Bed bed = new Bed(AlarmDelay.NONE, false);
        bed.oximeter(120, 0);
        bed.oximeter(135, 60);
        bed.oximeter(100, 120);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.ESCALATED, Transition.RESOLVED);
    }

    @Test
    void normalHeldExactlyResolveSeconds_resolves_oneMillisecondLessDoesNot() {
        Bed bed = Bed.heartRate();
        bed.oximeter(120, 0);
        bed.oximeter(120, 15);
        bed.oximeter(90, 20);
        bed.oximeter(90, 79.999);
        assertThat(bed.transitions()).containsExactly(Transition.OPENED);

        AlertTransition resolved = bed.oximeter(90, 80).transition().orElseThrow();

        assertThat(resolved).isEqualTo(new AlertTransition(Transition.RESOLVED, "A1", NONE, WARNING, at(15), at(80)));
        assertThat(bed.state.alertId()).isNull();
        assertThat(bed.state.openedAt()).isNull();
        assertThat(bed.state.severity()).isEqualTo(NONE);
    }

    @Test
    void criticalThenWarningHeld_downgrades() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);
        bed.oximeter(120, 20);
        bed.oximeter(120, 80);

        assertThat(bed.published).last().isEqualTo(
                new AlertTransition(Transition.DOWNGRADED, "A1", WARNING, CRITICAL, at(15), at(80)));
    }

    @Test
    void criticalThenNormalHeld_resolvesWithoutDowngradingFirst() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);
        bed.oximeter(90, 20);
        bed.oximeter(90, 80);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.RESOLVED);
    }

    @Test
    void criticalThenWarningThenNormal_downgradesOnceWarningOrMilderHasHeld() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);
        bed.oximeter(120, 20);
        bed.oximeter(90, 50);
        bed.oximeter(90, 80);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.DOWNGRADED);
        assertThat(bed.state.severity()).isEqualTo(WARNING);
    }

    @Test
    void theSameAlertId_throughEscalationAndDowngrade_aNewIdForTheNextEpisode() {
        Bed bed = Bed.heartRate();
        bed.oximeter(120, 0);
        bed.oximeter(120, 15);
        bed.oximeter(140, 30);
        bed.oximeter(140, 45);
        bed.oximeter(120, 60);
        bed.oximeter(120, 120);
        bed.oximeter(90, 130);
        bed.oximeter(90, 190);
        bed.oximeter(120, 200);
        bed.oximeter(120, 215);

        assertThat(bed.transitions()).containsExactly(Transition.OPENED, Transition.ESCALATED, Transition.DOWNGRADED,
                Transition.RESOLVED, Transition.OPENED);
        assertThat(bed.published).extracting(AlertTransition::alertId).containsExactly("A1", "A1", "A1", "A1", "A2");
        assertThat(bed.published).extracting(AlertTransition::openedAt)
                .containsExactly(at(15), at(15), at(15), at(15), at(215));
    }

    @Test
    void oximeterAndBpMonitorBothSendingHeartRate_giveOneAlert_theBpMonitorCountsOnlyOnceTheOximeterIsQuietFor5Minutes() {
        Bed bed = Bed.heartRate();
        bed.oximeter(120, 0);
        BedAlert.Step bp = bed.read("bp-1", BP_MONITOR, 125, at(5));
        bed.oximeter(120, 15);
        bed.read("bp-1", BP_MONITOR, 126, at(20));
        assertThat(bp.counted()).isFalse();
        assertThat(bp.transition()).isEmpty();
        assertThat(bed.published).extracting(AlertTransition::transition).containsExactly(Transition.OPENED);

        BedAlert.Step normalBp = bed.read("bp-1", BP_MONITOR, 80, at(15 + 300));
        assertThat(normalBp.counted()).isFalse();
        bed.read("bp-1", BP_MONITOR, 80, at(15 + 300.001));
        bed.read("bp-1", BP_MONITOR, 80, at(15 + 360.001));

        assertThat(bed.published).extracting(AlertTransition::transition)
                .containsExactly(Transition.OPENED, Transition.RESOLVED);
        assertThat(bed.published).extracting(AlertTransition::alertId).containsExactly("A1", "A1");
    }

    @Test
    void aLowerRankedSourcesReading_isKeptAsItsLatest() {
        Bed bed = Bed.heartRate();
        bed.oximeter(120, 0);
        bed.read("bp-1", BP_MONITOR, 125, at(5));

        assertThat(bed.state.sources()).containsExactly(
                new SourceValue("ox-1", PULSE_OXIMETER, 120, at(0)),
                new SourceValue("bp-1", BP_MONITOR, 125, at(5)));
        assertThat(bed.state.lastCounted()).isEqualTo(at(0));
    }

    @Test
    void sources_areOrderedByRankThenThingName() {
        Bed bed = Bed.heartRate();
        bed.read("watch", SMARTWATCH, 80, at(0));
        bed.read("ox-b", PULSE_OXIMETER, 80, at(1));
        bed.read("bp", BP_MONITOR, 80, at(2));
        bed.read("ox-a", PULSE_OXIMETER, 80, at(3));
        bed.read("cm", CARDIAC_MONITOR, 80, at(4));

        assertThat(bed.state.sources()).extracting(SourceValue::thingName)
                .containsExactly("cm", "ox-a", "ox-b", "bp", "watch");
    }

    @Test
    void aSmartwatch_neverOpensAnAlertAtABedWithAMedicalSource_evenAStaleOne() {
        Bed bed = Bed.heartRate();
        bed.oximeter(80, 0);
        for (int i = 1; i <= 10; i++) {
            assertThat(bed.read("watch", SMARTWATCH, 160, at(3600 + 60.0 * i)).counted()).isFalse();
        }

        assertThat(bed.published).isEmpty();
    }

    @Test
    void aSmartwatch_opensAnAlertWhereItIsTheOnlySource() {
        Bed bed = Bed.heartRate();

        BedAlert.Step step = bed.read("watch", SMARTWATCH, 160, at(0));

        assertThat(step.counted()).isTrue();
        assertThat(step.transition()).get().extracting(AlertTransition::severity).isEqualTo(CRITICAL);
    }

    @Test
    void aLateReading_changesNothing() {
        Bed bed = Bed.heartRate();
        bed.oximeter(120, 0);
        bed.oximeter(120, 15);
        BedParameterState before = bed.state;

        BedAlert.Step same = bed.oximeter(90, 15);
        BedAlert.Step older = bed.oximeter(90, 10);

        assertThat(same).isEqualTo(new BedAlert.Step(before, java.util.Optional.empty(), true, false));
        assertThat(older.late()).isTrue();
        assertThat(older.state()).isSameAs(before);
    }

    @Test
    void aReadingNoNewerThanTheLatestCounted_fromAnotherSource_isKeptButDoesNotCount() {
        Bed bed = Bed.heartRate();
        bed.read("ox-a", PULSE_OXIMETER, 120, at(10));

        BedAlert.Step step = bed.read("ox-b", PULSE_OXIMETER, 140, at(10));

        assertThat(step.late()).isFalse();
        assertThat(step.counted()).isFalse();
        assertThat(step.state().sources()).hasSize(2);
    }

    @Test
    void detachingTheOnlyFreshSource_resolvesTheAlertAsDeviceReassigned() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);

        BedAlert.Step step = bed.apply(BedAlert.detach(bed.state, "ox-1", at(100)));

        assertThat(step.transition()).contains(new AlertTransition(Transition.RESOLVED, "A1", NONE, CRITICAL, at(15),
                at(100), AlertTransition.DEVICE_REASSIGNED));
        assertThat(step.state()).isEqualTo(new BedParameterState(NONE, null, null, null, null, null, null, at(15),
                List.of()));
    }

    @Test
    void detaching_whileAnotherSourceStillFeedsTheBed_keepsTheAlert() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);
        bed.read("bp-1", BP_MONITOR, 138, at(20));
        Instant detachedAt = at(20).plus(BedAlert.SOURCE_FRESH);

        BedAlert.Step step = bed.apply(BedAlert.detach(bed.state, "ox-1", detachedAt));

        assertThat(step.transition()).isEmpty();
        assertThat(step.state().severity()).isEqualTo(CRITICAL);
        assertThat(step.state().alertId()).isEqualTo("A1");
        assertThat(step.state().sources()).extracting(SourceValue::thingName).containsExactly("bp-1");
        assertThat(bed.read("bp-1", BP_MONITOR, 139, detachedAt.plusSeconds(1)).counted()).isTrue();
    }

    @Test
    void detaching_whenTheOtherSourceIsStale_resolves() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);
        bed.read("bp-1", BP_MONITOR, 138, at(20));

        BedAlert.Step step = BedAlert.detach(bed.state, "ox-1", at(20.001).plus(BedAlert.SOURCE_FRESH));

        assertThat(step.transition()).get().extracting(AlertTransition::reason)
                .isEqualTo(AlertTransition.DEVICE_REASSIGNED);
        assertThat(step.state().sources()).extracting(SourceValue::thingName).containsExactly("bp-1");
    }

    @Test
    void detachingAThingThatIsNotASource_changesNothing() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        BedParameterState before = bed.state;

        BedAlert.Step step = BedAlert.detach(before, "elsewhere", at(10));

        assertThat(step.state()).isSameAs(before);
        assertThat(step.transition()).isEmpty();
    }

    @Test
    void discharge_resolvesTheOpenAlertAsDischarged_andKeepsTheSources() {
        Bed bed = Bed.heartRate();
        bed.oximeter(140, 0);
        bed.oximeter(140, 15);

        BedAlert.Step step = bed.apply(BedAlert.discharge(bed.state, at(30)));

        assertThat(step.transition()).contains(new AlertTransition(Transition.RESOLVED, "A1", NONE, CRITICAL, at(15),
                at(30), AlertTransition.DISCHARGED));
        assertThat(step.state()).isEqualTo(new BedParameterState(NONE, null, null, null, null, null, null, null,
                List.of(new SourceValue("ox-1", PULSE_OXIMETER, 140, at(15)))));
    }

    @Test
    void discharge_withNoAlertOpen_publishesNothing_andTheNextPatientsRunStartsAfresh() {
        Bed bed = Bed.heartRate();
        bed.oximeter(120, 0);

        BedAlert.Step step = bed.apply(BedAlert.discharge(bed.state, at(10)));
        bed.oximeter(120, 16);

        assertThat(step.transition()).isEmpty();
        assertThat(step.state().atLeastWarningSince()).isNull();
        assertThat(bed.published).isEmpty();
        assertThat(bed.state.atLeastWarningSince()).isEqualTo(at(16));
    }

    @Test
    void sourceFresh_isFiveMinutes() {
        assertThat(BedAlert.SOURCE_FRESH).isEqualTo(Duration.ofMinutes(5));
    }
}
