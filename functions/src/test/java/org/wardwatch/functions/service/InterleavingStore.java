package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wardwatch.functions.core.AlertState;
import org.wardwatch.functions.core.DecodedMessage;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.functions.core.Envelope;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.functions.core.Reading;

/**
 * A real store that lets another invocation run at a chosen moment: {@code between} runs once, after this
 * invocation has read its snapshot and before it writes, which is when two concurrent invocations interleave.
 */
final class InterleavingStore implements TelemetryStore {

    private final TelemetryStore store;
    private Runnable between;

    InterleavingStore(TelemetryStore store, Runnable between) {
        this.store = store;
        this.between = between;
    }

    @Override
    public DeviceSnapshot snapshot(String thingName, String messageId, Set<Metric> metrics,
                                   Set<DeviceCondition> conditions, String ward, String bed, Set<Metric> bedMetrics,
                                   boolean news2) {
        DeviceSnapshot snapshot = store.snapshot(thingName, messageId, metrics, conditions, ward, bed, bedMetrics,
                news2);
        Runnable other = between;
        between = () -> { };
        other.run();
        return snapshot;
    }

    @Override
    public List<StateAdvance> storeMessage(Device device, Envelope envelope, DecodedMessage message,
                                           List<Reading> readings, List<QuarantineEntry> quarantined,
                                           List<StateAdvance> advances) {
        return store.storeMessage(device, envelope, message, readings, quarantined, advances);
    }

    @Override
    public BedSnapshot news2Bed(String ward, String bed) {
        return store.news2Bed(ward, bed);
    }

    @Override
    public org.wardwatch.functions.core.NurseObservations lastObservations(String ward, String bed) {
        return store.lastObservations(ward, bed);
    }

    @Override
    public boolean advanceNews2(String ward, String bed, long expectedVersion,
                                org.wardwatch.functions.core.News2State next, Optional<OutgoingAlert> alert,
                                String thingName, Instant receivedAt) {
        return store.advanceNews2(ward, bed, expectedVersion, next, alert, thingName, receivedAt);
    }

    @Override
    public org.wardwatch.functions.core.NurseObservations recordObservation(String ward, String bed,
            Instant admittedAt, org.wardwatch.model.news2.Consciousness consciousness, Boolean oxygen, String by,
            Instant time) {
        return store.recordObservation(ward, bed, admittedAt, consciousness, oxygen, by, time);
    }

    @Override
    public BedSnapshot bed(String ward, String bed, Set<Metric> metrics) {
        return store.bed(ward, bed, metrics);
    }

    @Override
    public java.util.Map<String, BedSnapshot> beds(String ward, java.util.List<String> beds, Set<Metric> metrics,
                                                   boolean news2) {
        return store.beds(ward, beds, metrics, news2);
    }

    @Override
    public BedParameter bedParameter(String ward, String bed, Metric metric) {
        return store.bedParameter(ward, bed, metric);
    }

    @Override
    public boolean advanceBed(String thingName, Instant receivedAt, StateAdvance.OfBed advance) {
        return store.advanceBed(thingName, receivedAt, advance);
    }

    @Override
    public void recordPlace(String thingName, Place place) {
        store.recordPlace(thingName, place);
    }

    @Override
    public void quarantine(List<QuarantineEntry> entries) {
        store.quarantine(entries);
    }

    @Override
    public LatestState latest(String thingName, Metric metric) {
        return store.latest(thingName, metric);
    }

    @Override
    public boolean advance(Device device, Envelope envelope, DecodedMessage message, Reading reading,
                           LatestState expected, LatestState next, Optional<OutgoingAlert> alert,
                           Optional<Excursion> excursion) {
        return store.advance(device, envelope, message, reading, expected, next, alert, excursion);
    }

    @Override
    public LatestState condition(String thingName, DeviceCondition condition) {
        return store.condition(thingName, condition);
    }

    @Override
    public boolean advanceCondition(String thingName, DeviceCondition condition, LatestState expected,
                                    AlertState next, org.wardwatch.functions.core.Episode period,
                                    Optional<OutgoingAlert> alert) {
        return store.advanceCondition(thingName, condition, expected, next, period, alert);
    }

    @Override
    public Map<String, Instant> lastSeen(Collection<Device> devices) {
        return store.lastSeen(devices);
    }

    @Override
    public List<OutgoingAlert> pendingAlerts(String thingName, String messageId) {
        return store.pendingAlerts(thingName, messageId);
    }

    @Override
    public Optional<OutgoingAlert> unsentAlert(String thingName, String key) {
        return store.unsentAlert(thingName, key);
    }

    @Override
    public void markSent(OutgoingAlert alert, String channelMessageId) {
        store.markSent(alert, channelMessageId);
    }

    @Override
    public void forgetUnsent(String thingName, DeviceCondition condition, String key) {
        store.forgetUnsent(thingName, condition, key);
    }

    @Override
    public void markProcessed(String thingName, String messageId, TelemetryResult result, List<SentAlert> sent) {
        store.markProcessed(thingName, messageId, result, sent);
    }
}
