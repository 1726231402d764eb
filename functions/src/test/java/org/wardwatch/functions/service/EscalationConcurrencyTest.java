package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.functions.service.EscalationScheduleTest.T0;
import static org.wardwatch.functions.service.EscalationScheduleTest.at;
import static org.wardwatch.functions.service.EscalationScheduleTest.checks;
import static org.wardwatch.functions.service.EscalationScheduleTest.spo2;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.functions.service.AcknowledgementService.Target;

/**
 * Concurrent runs of the escalation check (a retried or overlapping invocation), and an acknowledgement during a
 * check, on the emulator: the other invocation runs in full just before each write of the first in turn, which is
 * where two invocations interleave (each reads, then writes conditioned on what it read). Nothing is sent twice,
 * nothing is missed.
 */
class EscalationConcurrencyTest {

    /** How many writes one uninterrupted check makes of two CRITICALs each due every step (claim, 3 sent). */
    private static final int WRITES_OF_A_CHECK = 8;

    private static List<String> everyStepOf(String... alertIds) {
        return Stream.of(alertIds).flatMap(id -> Stream.of("REMINDER " + id + " S#" + T0 + "#0",
                "UNACKNOWLEDGED " + id + " S#" + T0 + "#1", "UNACKNOWLEDGED " + id + " S#" + T0 + "#2")).toList();
    }

    private static List<String> sent(CountingPublisher counted) {
        return counted.published.stream().map(a -> a.attributes().get("transition") + " "
                + CountingPublisher.document(a).get("alertId").asText() + " " + a.key()).toList();
    }

    @Test
    void anUninterruptedCheckOfTwoAlertsMakesTheWritesTheInterleavingsBelowCover() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String ward = "EC-" + UUID.randomUUID().toString().substring(0, 6);
            spo2(moto, ward, "1", T0, 85);
            spo2(moto, ward, "2", T0, 85);
            WardRecords records = new WardRecords(moto.records, ward);

            assertThat(checks(moto, records, moto.publisher).check(at("10:00")).sent()).isEqualTo(6);
            assertThat(records.writes()).isEqualTo(WRITES_OF_A_CHECK);
        }
    }

    @Test
    void twoChecksInterleavedAtEveryWritePublishEachStepExactlyOnce() {
        for (int nth = 1; nth <= WRITES_OF_A_CHECK; nth++) {
            try (MotoTelemetry moto = new MotoTelemetry()) {
                String ward = "EC-" + UUID.randomUUID().toString().substring(0, 6);
                String first = spo2(moto, ward, "1", T0, 85);
                String second = spo2(moto, ward, "2", T0, 85);
                CountingPublisher counted = new CountingPublisher(moto.publisher);
                EscalationService other = checks(moto, new WardRecords(moto.records, ward), counted);
                int[] otherSent = {0};
                EscalationService check = checks(moto, new WardRecords(moto.records, ward, nth,
                        () -> otherSent[0] = other.check(at("10:00")).sent()), counted);

                int sent = check.check(at("10:00")).sent();

                assertThat(sent(counted)).as("the other check before write " + nth)
                        .containsExactlyInAnyOrderElementsOf(everyStepOf(first, second));
                assertThat(sent + otherSent[0]).isEqualTo(6);
                assertThat(other.check(at("11:00")).sent()).isZero();
                assertThat(Stream.of(first, second).map(id -> moto.records.find(id).orElseThrow()))
                        .allSatisfy(s -> {
                            assertThat(s.pending()).isEmpty();
                            assertThat(s.record().stepsSent()).isEqualTo(3);
                        });
            }
        }
    }

    @Test
    void anAcknowledgementInterleavedAtEveryWriteOfACheckIsSentOnceAndStopsWhatIsNotYetClaimed() {
        for (int nth = 1; nth <= 4; nth++) {
            try (MotoTelemetry moto = new MotoTelemetry()) {
                String ward = "EA-" + UUID.randomUUID().toString().substring(0, 6);
                String alertId = spo2(moto, ward, "3", T0, 85);
                CountingPublisher counted = new CountingPublisher(moto.publisher);
                AcknowledgementService nurse = new AcknowledgementService(TestTenant.ID, moto.records, counted,
                        new DynamoExcursionAcknowledgements(moto.tenant.dynamo, TestTenant.READINGS, TestTenant.ID),
                        ZoneOffset.UTC);
                EscalationService check = checks(moto, new WardRecords(moto.records, ward, nth,
                        () -> nurse.acknowledge(new Target(ward, "bed 3", "THRESHOLD", "spo2"), "nurse-0017",
                                at("10:00"), null)), counted);

                check.check(at("10:00"));
                check.check(at("30:00"));

                List<String> expected = nth == 1
                        ? List.of("ACKNOWLEDGED " + alertId + " A#" + at("10:00"))
                        : Stream.concat(everyStepOf(alertId).stream(),
                                Stream.of("ACKNOWLEDGED " + alertId + " A#" + at("10:00"))).toList();
                assertThat(sent(counted)).as("acknowledged before write " + nth + " of the check")
                        .containsExactlyInAnyOrderElementsOf(expected);
                AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
                assertThat(stored.pending()).isEmpty();
                assertThat(stored.record().acknowledgedBy()).isEqualTo("nurse-0017");
            }
        }
    }
}
