package org.wardwatch.benchmarks;

import org.wardwatch.functions.service.News2Planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.core.News2Value;
import org.wardwatch.functions.core.Transition;
import org.wardwatch.functions.service.StateAdvance;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.alert.ThresholdTable;
import org.wardwatch.model.news2.News2Parameter;
import org.wardwatch.model.news2.News2Response;
import org.wardwatch.model.reading.Metric;

/** Each hot-path benchmark's message ends the way its name says, from the fixtures' stored state. */
class HotPathBenchmarkTest {

    private final HotPathBenchmark benchmark = new HotPathBenchmark();

    @Test
    void quietMessages_areCountedAtTheBed_andChangeNoAlert() {
        assertQuietAtTheBed(benchmark.message1Reading(), Messages.DEVICE_TIME, Metric.BODY_TEMPERATURE);
        assertQuietAtTheBed(benchmark.message2Readings(), Messages.DEVICE_TIME, Metric.SPO2, Metric.HEART_RATE);
        assertQuietAtTheBed(benchmark.message4Readings(), Messages.DEVICE_TIME.plusMillis(250), Metric.HEART_RATE,
                Metric.RESPIRATORY_RATE, Metric.SPO2);
        assertThat(benchmark.message2Readings().news2()).isNull();
    }

    @Test
    void scale2PatientsMessage_isNormalInThePatientsBands_thoughTheTenantsWouldWarn() {
        assertQuietAtTheBed(benchmark.message2ReadingsScale2Patient(), Messages.DEVICE_TIME, Metric.SPO2,
                Metric.HEART_RATE);

        ThresholdTable tenant = ThresholdTable.news2Defaults();
        assertThat(tenant.classify(Metric.SPO2, 89)).isEqualTo(Severity.CRITICAL);
        assertThat(tenant.classify(Metric.HEART_RATE, 115)).isEqualTo(Severity.WARNING);
    }

    @Test
    void openingAlertMessage_opensACriticalSpo2AlertAtOnce() {
        HotPathBenchmark.Outcome outcome = benchmark.message2ReadingsOpeningAlert();

        assertThat(outcome.alerts()).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("M#icu3-bed4-spo2-000124#N#spo2"))
                .satisfies(a -> assertThat(a.subject()).contains("CRITICAL"));
        StateAdvance.OfBed spo2 = bedAdvances(outcome).get(0);
        assertThat(spo2.next().metric()).isEqualTo(Metric.SPO2);
        assertThat(spo2.next().state().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(spo2.next().state().alertId()).isNotNull();
    }

    @Test
    void news2WardsQuietMessage_isCountedAtTheBedInNoBand_andScoresAFull0WithNoTransition() {
        HotPathBenchmark.Outcome outcome = benchmark.message2ReadingsNews2Ward();

        assertQuietAtTheBed(outcome, Messages.DEVICE_TIME, Metric.SPO2, Metric.HEART_RATE);
        News2Planner.Scored news2 = outcome.news2();
        assertThat(news2).isNotNull();
        assertThat(news2.score().total()).isZero();
        assertThat(news2.score().partial()).isFalse();
        assertThat(news2.score().response()).isEqualTo(News2Response.LOW);
        assertThat(news2.picture().values()).extracting(News2Value::parameter)
                .containsExactly(News2Parameter.values());
        assertThat(news2.step().transition()).isEmpty();
        assertThat(news2.alert()).isEmpty();
        assertThat(news2.step().state().severity()).isEqualTo(Severity.NONE);
        assertThat(news2.step().state().evaluatedAt()).isEqualTo(Messages.DEVICE_TIME);
    }

    @Test
    void news2WardsRaisingMessage_opensOneNews2WarningAt5_andNoThresholdAlert() {
        HotPathBenchmark.Outcome outcome = benchmark.message2ReadingsNews2WardOpeningAlert();

        // SpO2 91 and heart rate 115 would warn in the tenant's bands; on this ward they page only through NEWS2
        ThresholdTable tenant = ThresholdTable.news2Defaults();
        assertThat(tenant.classify(Metric.SPO2, 91)).isNotEqualTo(Severity.NONE);
        assertThat(tenant.classify(Metric.HEART_RATE, 115)).isNotEqualTo(Severity.NONE);
        assertThat(bedAdvances(outcome)).extracting(a -> a.next().metric()).containsExactly(Metric.SPO2,
                Metric.HEART_RATE);
        assertThat(bedAdvances(outcome)).allSatisfy(a -> {
            assertThat(a.next().state().severity()).isEqualTo(Severity.NONE);
            assertThat(a.next().state().atLeastWarningSince()).isNull();
            assertThat(a.next().state().lastCounted()).isEqualTo(Messages.DEVICE_TIME);
        });
        News2Planner.Scored news2 = outcome.news2();
        assertThat(news2.score().total()).isEqualTo(5);
        assertThat(news2.score().partial()).isFalse();
        assertThat(news2.score().subScores()).containsEntry(News2Parameter.SPO2, 3)
                .containsEntry(News2Parameter.PULSE, 2);
        assertThat(news2.step().transition()).hasValueSatisfying(t -> {
            assertThat(t.transition()).isEqualTo(Transition.OPENED);
            assertThat(t.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(outcome.alerts()).singleElement()
                .satisfies(a -> assertThat(a.key()).isEqualTo("M#amu1-bed7-spo2-000124#N#news2"))
                .satisfies(a -> assertThat(a.subject()).contains("WARNING: NEWS2 5 (medium)"));
    }

    @Test
    void storageMessage_goesThroughTheColdChainMachines_quietly() {
        HotPathBenchmark.Outcome outcome = benchmark.storageMessage();

        assertThat(outcome.advances()).hasSize(2).allMatch(a -> a instanceof StateAdvance.OfMetric);
        assertThat(outcome.alerts()).isEmpty();
    }

    @Test
    void rejectedMessages_planNothing() {
        assertThat(benchmark.rejectedTruncatedJson().advances()).isEmpty();
        assertThat(benchmark.rejectedUnknownDevice().advances()).isEmpty();
    }

    /** Every vital sign counted at the bed (the latest counted is this reading), in no band, and no alert. */
    private static void assertQuietAtTheBed(HotPathBenchmark.Outcome outcome, Instant time, Metric... metrics) {
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.stored().patientRef()).startsWith("adm-");
        List<StateAdvance.OfBed> bed = bedAdvances(outcome);
        assertThat(bed).extracting(a -> a.next().metric()).containsExactly(metrics);
        assertThat(bed).allSatisfy(a -> {
            assertThat(a.next().state().lastCounted()).isEqualTo(time);
            assertThat(a.next().state().normalSince()).isBefore(time);
            assertThat(a.next().state().atLeastWarningSince()).isNull();
            assertThat(a.next().state().severity()).isEqualTo(Severity.NONE);
            assertThat(a.next().state().sources()).isNotEmpty();
        });
    }

    private static List<StateAdvance.OfBed> bedAdvances(HotPathBenchmark.Outcome outcome) {
        return outcome.advances().stream().filter(a -> a instanceof StateAdvance.OfBed)
                .map(a -> (StateAdvance.OfBed) a).toList();
    }
}
