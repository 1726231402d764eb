package org.wardwatch.functions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wardwatch.functions.service.EscalationScheduleTest.T0;
import static org.wardwatch.functions.service.EscalationScheduleTest.at;
import static org.wardwatch.functions.service.EscalationScheduleTest.checks;
import static org.wardwatch.functions.service.EscalationScheduleTest.spo2;
import static org.wardwatch.functions.service.MotoTelemetry.envelope;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.aws.DynamoExcursionAcknowledgements;
import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.functions.core.AlertRecord.TimelineEntry;
import org.wardwatch.functions.lambda.StaffInbox;
import org.wardwatch.functions.lambda.Telemetry;
import org.wardwatch.functions.lambda.TestTenant;
import org.wardwatch.functions.service.AcknowledgementRefusedException.Reason;
import org.wardwatch.functions.service.AcknowledgementService.Target;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Acknowledging alerts (functions/README.md, "Acknowledgement and escalation"), on the emulator: alerts opened by
 * real readings, records in the readings table, notifications through a counting wrapper of the real publisher.
 */
class AcknowledgementServiceTest {

    private final String ward = "AK-" + UUID.randomUUID().toString().substring(0, 6);

    private static AcknowledgementService acknowledgements(MotoTelemetry moto, AlertPublisher publisher) {
        return new AcknowledgementService(TestTenant.ID, moto.records, publisher,
                new DynamoExcursionAcknowledgements(moto.tenant.dynamo, TestTenant.READINGS, TestTenant.ID),
                ZoneOffset.UTC);
    }

    private Target spo2At(String bed) {
        return new Target(ward, "bed " + bed, "THRESHOLD", "spo2");
    }

    @Test
    void anAcknowledgementStopsTheEscalationAndTellsEveryTierPagedWhoTookIt() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "12", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), counted);
            assertThat(checks.check(at("5:00")).sent()).as("the reminder and tier 2").isEqualTo(2);

            AcknowledgementService.Acknowledged acknowledged = acknowledgements(moto, counted)
                    .acknowledge(new Target(ward, "bed 12", "THRESHOLD", null), "nurse-0017", at("6:00"),
                            "  repositioned the probe ");

            assertThat(acknowledged.notified()).isTrue();
            assertThat(acknowledged.record().acknowledgedBy()).isEqualTo("nurse-0017");
            assertThat(checks.check(at("10:00")).sent()).as("tier 3 never paged").isZero();
            assertThat(checks.check(at("59:00")).sent()).isZero();
            assertThat(counted.published).extracting(a -> a.attributes().get("transition"))
                    .containsExactly("REMINDER", "UNACKNOWLEDGED", "ACKNOWLEDGED");
            OutgoingAlert told = counted.published.get(2);
            assertThat(told.key()).isEqualTo("A#" + at("6:00"));
            assertThat(CountingPublisher.document(told).get("tiers").toString()).isEqualTo("[1,2]");
            assertThat(CountingPublisher.document(told).get("by").asText()).isEqualTo("nurse-0017");
            assertThat(StaffInbox.forAlert(alertId)).extracting(n -> n.attributes().get("transition"))
                    .containsExactlyInAnyOrder("OPENED", "REMINDER", "UNACKNOWLEDGED", "ACKNOWLEDGED");
            AlertRecordStore.Stored stored = moto.records.find(alertId).orElseThrow();
            assertThat(stored.pending()).isEmpty();
            assertThat(stored.record().timeline()).extracting(e -> e.event() + " " + e.at() + " " + e.by())
                    .containsExactly("OPENED " + T0 + " null", "REMINDER " + at("5:00") + " null",
                            "UNACKNOWLEDGED " + at("5:00") + " null", "ACKNOWLEDGED " + at("6:00") + " nurse-0017");
            assertThat(stored.record().acknowledgementNote()).isEqualTo("repositioned the probe");
        }
    }

    @Test
    void anAcknowledgementDropsAReminderLeftPendingByAFailedPublish() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "4", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            AtomicInteger failures = new AtomicInteger(1);
            AlertPublisher failingOnce = alert -> {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("SNS throttled the publish");
                }
                return counted.publish(alert);
            };
            EscalationService checks = checks(moto, new WardRecords(moto.records, ward), failingOnce);
            assertThat(checks.check(at("3:00")).failed()).isEqualTo(1);

            acknowledgements(moto, counted).acknowledge(spo2At("4"), "nurse-0017", at("3:30"), null);
            checks.check(at("4:00"));

            assertThat(counted.sent()).containsExactly("ACKNOWLEDGED A#" + at("3:30"));
            assertThat(CountingPublisher.document(counted.published.get(0)).get("tiers").toString()).isEqualTo("[1]");
            assertThat(moto.records.find(alertId).orElseThrow().pending()).isEmpty();
        }
    }

    @Test
    void acknowledgingTwiceChangesNothingAndSaysWhoAndWhen() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "12", T0, 85);
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            AcknowledgementService service = acknowledgements(moto, counted);
            service.acknowledge(spo2At("12"), "nurse-0017", at("6:00"), null);
            AlertRecordStore.Stored before = moto.records.find(alertId).orElseThrow();

            assertThatThrownBy(() -> service.acknowledge(alertId, "nurse-0020", at("7:00"), "me too"))
                    .isInstanceOfSatisfying(AcknowledgementRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_ACKNOWLEDGED))
                    .hasMessage("alert " + alertId + " (THRESHOLD spo2, " + ward + " bed 12) was already "
                            + "acknowledged by nurse-0017 at 2026-11-20T10:06:00Z");
            assertThat(moto.records.find(alertId).orElseThrow()).isEqualTo(before);
            assertThat(counted.published).hasSize(1);
        }
    }

    @Test
    void acknowledgingAClosedAlertChangesNothingAndSaysItIsClosed() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String alertId = spo2(moto, ward, "8", T0, 85);
            spo2(moto, ward, "8", at("2:00"), 97);
            AlertRecordStore.Stored before = moto.records.find(alertId).orElseThrow();
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            AcknowledgementService service = acknowledgements(moto, counted);

            assertThatThrownBy(() -> service.acknowledge(alertId, "nurse-0017", at("3:00"), null))
                    .isInstanceOfSatisfying(AcknowledgementRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ALERT_CLOSED))
                    .hasMessage("alert " + alertId + " (THRESHOLD spo2, " + ward + " bed 8) is closed: it resolved "
                            + "at 2026-11-20T10:02:00Z");
            assertThatThrownBy(() -> service.acknowledge(spo2At("8"), "nurse-0017", at("3:00"), null))
                    .isInstanceOfSatisfying(AcknowledgementRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NO_OPEN_ALERT))
                    .hasMessage("no open THRESHOLD alert at " + ward + " bed 8 about spo2");
            assertThat(moto.records.find(alertId).orElseThrow()).isEqualTo(before);
            assertThat(counted.published).isEmpty();
        }
    }

    @Test
    void anUnknownAlertIdIsRefusedAsNoSuchAlert() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            assertThatThrownBy(() -> acknowledgements(moto, moto.publisher)
                    .acknowledge("NOPE1234", "nurse-0017", T0, null))
                    .isInstanceOfSatisfying(AcknowledgementRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_ALERT))
                    .hasMessage("no alert NOPE1234 in this tenant");
        }
    }

    @Test
    void aBedWithTwoOpenAlertsOfTheTypeNeedsTheMetricAndTheRefusalNamesThem() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String thing = ward + "-ecg";
            moto.tenant.registerDevice(thing, "cardiac_monitor", ward, "6");
            moto.service(moto.store, moto.recording).process(envelope(thing), Telemetry.payload("m-1",
                    T0.toString(), Telemetry.reading("spo2", 85, "%") + ","
                            + Telemetry.reading("heart_rate", 140, "/min")).getBytes(StandardCharsets.UTF_8));
            CountingPublisher counted = new CountingPublisher(moto.publisher);
            AcknowledgementService service = acknowledgements(moto, counted);

            assertThatThrownBy(() -> service.acknowledge(new Target(ward, "bed 6", "THRESHOLD", null), "nurse-0017",
                    at("1:00"), null))
                    .isInstanceOfSatisfying(AcknowledgementRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.AMBIGUOUS))
                    .hasMessage("2 open THRESHOLD alerts at " + ward + " bed 6, about heart_rate, spo2: name the "
                            + "metric of the one acknowledged");
            AlertRecord acknowledged = service.acknowledge(spo2At("6"), "nurse-0017", at("1:00"), null).record();

            assertThat(acknowledged.subject()).isEqualTo("spo2");
            assertThat(moto.records.openAt(ward, "bed 6", "THRESHOLD", "heart_rate")).singleElement()
                    .satisfies(s -> assertThat(s.record().acknowledged()).isFalse());
            assertThat(counted.published).singleElement()
                    .satisfies(a -> assertThat(a.attributes()).containsEntry("transition", "ACKNOWLEDGED"));
        }
    }

    @Test
    void aColdChainAcknowledgementFillsTheExcursionsLogColumns() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String fridge = ward + "-fridge";
            moto.tenant.registerStorageSensor(fridge, ward, "vaccine_fridge");
            TelemetryService telemetry = moto.service(moto.store, moto.recording);
            String[][] readings = {{"f-1", "09:00", "5.0"}, {"f-2", "09:05", "9.0"}, {"f-3", "09:20", "9.5"}};
            for (String[] r : readings) {
                telemetry.process(envelope(fridge), Telemetry.payload(r[0], "2026-11-24T" + r[1] + ":00Z",
                        Telemetry.reading("storage_temperature", Double.parseDouble(r[2]), "Cel")
                                + ",{\"metric\":\"door_open\",\"value\":false}").getBytes(StandardCharsets.UTF_8));
            }

            acknowledgements(moto, moto.publisher).acknowledge(new Target(ward, fridge, "COLD_CHAIN", null),
                    "pharmacist-0042", java.time.Instant.parse("2026-11-24T09:25:00Z"),
                    "stock labelled Do Not Use, manufacturer called");

            Map<String, AttributeValue> logged = moto.tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS)
                    .key(Map.of("pk", AttributeValue.fromS("D#" + fridge),
                            "sk", AttributeValue.fromS("X#2026-11-24T09:05:00.000Z")))).item();
            assertThat(logged.get("acknowledgedBy").s()).isEqualTo("pharmacist-0042");
            assertThat(logged.get("acknowledgedAt").s()).isEqualTo("2026-11-24T09:25:00Z");
            assertThat(logged.get("actionsTaken").s()).isEqualTo("stock labelled Do Not Use, manufacturer called");
            assertThat(moto.records.openAt(ward, fridge, "COLD_CHAIN", "storage_temperature")).singleElement()
                    .satisfies(s -> assertThat(s.record().timeline()).extracting(TimelineEntry::event)
                            .containsExactly("OPENED", "ACKNOWLEDGED"));
        }
    }

    @Test
    void aRetryAfterTheExcursionsWriteFailedIsRefusedAndStillFillsTheExcursionsColumns() {
        try (MotoTelemetry moto = new MotoTelemetry()) {
            String fridge = ward + "-fridge-retry";
            moto.tenant.registerStorageSensor(fridge, ward, "vaccine_fridge");
            TelemetryService telemetry = moto.service(moto.store, moto.recording);
            String[][] readings = {{"r-1", "09:00", "5.0"}, {"r-2", "09:05", "9.0"}, {"r-3", "09:20", "9.5"}};
            for (String[] r : readings) {
                telemetry.process(envelope(fridge), Telemetry.payload(r[0], "2026-11-24T" + r[1] + ":00Z",
                        Telemetry.reading("storage_temperature", Double.parseDouble(r[2]), "Cel")
                                + ",{\"metric\":\"door_open\",\"value\":false}").getBytes(StandardCharsets.UTF_8));
            }
            DynamoExcursionAcknowledgements log =
                    new DynamoExcursionAcknowledgements(moto.tenant.dynamo, TestTenant.READINGS, TestTenant.ID);
            AtomicInteger calls = new AtomicInteger();
            ExcursionAcknowledgements failingOnce = (thing, by, at, note) -> {
                if (calls.getAndIncrement() == 0) {
                    throw new IllegalStateException("the excursion log did not answer");
                }
                log.acknowledged(thing, by, at, note);
            };
            AcknowledgementService service = new AcknowledgementService(TestTenant.ID, moto.records, moto.publisher,
                    failingOnce, ZoneOffset.UTC);
            Target target = new Target(ward, fridge, "COLD_CHAIN", null);
            java.time.Instant first = java.time.Instant.parse("2026-11-24T09:25:00Z");

            assertThatThrownBy(() -> service.acknowledge(target, "pharmacist-0042", first, "stock quarantined"))
                    .hasMessage("the excursion log did not answer");
            assertThatThrownBy(() -> service.acknowledge(target, "pharmacist-0042",
                    java.time.Instant.parse("2026-11-24T09:26:00Z"), "stock quarantined"))
                    .isInstanceOf(AcknowledgementRefusedException.class)
                    .extracting(e -> ((AcknowledgementRefusedException) e).reason())
                    .isEqualTo(Reason.ALREADY_ACKNOWLEDGED);

            Map<String, AttributeValue> logged = moto.tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS)
                    .key(Map.of("pk", AttributeValue.fromS("D#" + fridge),
                            "sk", AttributeValue.fromS("X#2026-11-24T09:05:00.000Z")))).item();
            assertThat(logged.get("acknowledgedBy").s()).isEqualTo("pharmacist-0042");
            assertThat(logged.get("acknowledgedAt").s()).isEqualTo("2026-11-24T09:25:00Z");
            assertThat(logged.get("actionsTaken").s()).isEqualTo("stock quarantined");
        }
    }
}
