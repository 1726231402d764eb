package org.wardwatch.staffapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.aws.DynamoAdmissionStore;
import org.wardwatch.functions.aws.DynamoTelemetryStore;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AdmissionChange;
import org.wardwatch.functions.core.BedParameterState;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Reading;
import org.wardwatch.functions.core.News2State;
import org.wardwatch.functions.core.SourceValue;
import org.wardwatch.functions.service.BedParameter;
import org.wardwatch.functions.service.StateAdvance;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A ward's beds written into the emulator as the functions and device-certs write them: registry rows, admissions
 * through the functions' admission store, bed parameters and NEWS2 states through the telemetry store's writes.
 */
final class BedFixtures {

    private final DynamoDbClient dynamo = StaffEmulator.dynamo();
    private final DynamoTelemetryStore telemetry = new DynamoTelemetryStore(dynamo, StaffEmulator.READINGS, null,
            Duration.ofDays(1), Duration.ofDays(1));
    private final DynamoAdmissionStore admissions = new DynamoAdmissionStore(dynamo, StaffEmulator.READINGS);

    /** A registry row as device-certs writes it, placed at a bed. */
    void device(String thingName, DeviceKind kind, String ward, String bed, boolean active) {
        dynamo.putItem(b -> b.tableName(StaffEmulator.DEVICES).item(Map.of("thingName", AttributeValue.fromS(thingName),
                "tenantId", AttributeValue.fromS(StaffEmulator.TENANT), "kind", AttributeValue.fromS(kind.code()),
                "ward", AttributeValue.fromS(ward), "bed", AttributeValue.fromS(bed),
                "status", AttributeValue.fromS(active ? "ACTIVE" : "REVOKED"))));
    }

    void admit(String ward, String bed, String patientRef, Instant at) {
        admissions.admit(new Admission(ward, bed, patientRef, at, 1, null, null, Map.of()),
                new AdmissionChange(ward, bed, patientRef, AdmissionChange.Action.ADMITTED, "nic-0001", at, null,
                        null, null, null, null));
    }

    void discharge(String ward, String bed, Instant at) {
        Admission admission = admissions.current(ward, bed).orElseThrow();
        admissions.discharge(admission, new AdmissionChange(ward, bed, admission.patientRef(),
                AdmissionChange.Action.DISCHARGED, "nic-0001", at, null, null, null, null, null));
    }

    /** The bed parameter's state with {@code thingName}'s value as its source's latest, as a reading leaves it. */
    void reading(String ward, String bed, Metric metric, String thingName, DeviceKind kind, double value,
                 Instant deviceTime) {
        BedParameter before = telemetry.bedParameter(ward, bed, metric);
        List<SourceValue> sources = new ArrayList<>(before.state().sources().stream()
                .filter(s -> !s.thingName().equals(thingName)).toList());
        sources.add(new SourceValue(thingName, kind, value, deviceTime));
        BedParameterState state = new BedParameterState(Severity.NONE, null, null, null, null, deviceTime,
                deviceTime, deviceTime, sources);
        if (!telemetry.advanceBed(thingName, deviceTime, new StateAdvance.OfBed(null, before,
                new BedParameter(ward, bed, metric, state, before.version() + 1), Optional.empty(),
                Optional.empty()))) {
            throw new IllegalStateException("the bed parameter changed while written");
        }
    }

    /**
     * A device's message of one reading stored as the telemetry function stores it (its item in the device's
     * partition with the bed's {@code bedKey}), the device placed at {@code ward} and {@code bed}.
     */
    void stored(String thingName, DeviceKind kind, String ward, String bed, Metric metric, double value,
                Instant deviceTime) {
        Device device = new Device(thingName, StaffEmulator.TENANT, kind, ward, bed, null, null, true);
        String messageId = "m-" + deviceTime.toEpochMilli() + "-" + metric.code();
        Reading reading = new Reading(0, metric, value, value, metric.canonicalUnit());
        telemetry.storeMessage(device, new Envelope(StaffEmulator.TENANT, thingName, thingName,
                        deviceTime.plusSeconds(1)),
                new DecodedMessage(messageId, deviceTime, null, null, List.of(reading), List.of()), List.of(reading),
                List.of(), List.of());
    }

    /** The bed's NEWS2 state as an evaluation at {@code at} leaves it, with no alert. */
    void news2Evaluated(String ward, String bed, Instant at, int total) {
        if (!telemetry.advanceNews2(ward, bed, 0, new News2State(Severity.NONE, null, null, at, at, at, total),
                Optional.empty(), null, null)) {
            throw new IllegalStateException("the bed's NEWS2 was evaluated before");
        }
    }
}
