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
import org.wardwatch.functions.core.Episode;
import org.wardwatch.functions.core.Excursion;
import org.wardwatch.model.reading.Metric;
import org.wardwatch.functions.core.Reading;

/**
 * Where the telemetry function keeps readings, quarantine, alert state and its outbox. Every write is
 * idempotent or conditioned on the version it was evaluated from, so that a redelivered or retried event stores
 * nothing twice.
 */
public interface TelemetryStore extends News2Store {

    /**
     * Whether the message was processed to the end, and the stored state of {@code metrics} and {@code conditions},
     * read consistently in one request.
     */
    default DeviceSnapshot snapshot(String thingName, String messageId, Set<Metric> metrics,
                                    Set<DeviceCondition> conditions) {
        return snapshot(thingName, messageId, metrics, conditions, null, null, null);
    }

    /**
     * As {@link #snapshot(String, String, Set, Set)}, and for a device placed at beds ({@code bedMetrics} not null)
     * also where its readings last fed ({@link DeviceSnapshot#placedAt()}) and, when {@code ward} and {@code bed} are
     * given, the bed's admission and the alert state of its {@code bedMetrics}; all in one consistent request.
     */
    default DeviceSnapshot snapshot(String thingName, String messageId, Set<Metric> metrics,
                                    Set<DeviceCondition> conditions, String ward, String bed, Set<Metric> bedMetrics) {
        return snapshot(thingName, messageId, metrics, conditions, ward, bed, bedMetrics, false);
    }

    /**
     * As above; with {@code news2} (a bed on a ward that scores NEWS2) the bed's part also holds every parameter
     * NEWS2 scores, its NEWS2 alert and nurse observations ({@link BedSnapshot#news2()}), in the same request.
     */
    DeviceSnapshot snapshot(String thingName, String messageId, Set<Metric> metrics, Set<DeviceCondition> conditions,
                            String ward, String bed, Set<Metric> bedMetrics, boolean news2);

    /** A bed's admission and its {@code metrics}' alert state, read consistently (a device moved away from it). */
    BedSnapshot bed(String ward, String bed, Set<Metric> metrics);

    /**
     * Several beds of one ward at once, by bed, each as {@link #bed} reads it with {@code metrics}; with
     * {@code news2} also with its NEWS2 parameters, alert and observations (as {@link News2Store#news2Bed}). The
     * ward view reads a page of beds so: its keys go in as few batch reads as the limit per request allows, rather
     * than one read (or two) per bed.
     */
    Map<String, BedSnapshot> beds(String ward, List<String> beds, Set<Metric> metrics, boolean news2);

    /** One bed parameter's alert state, read consistently (after a lost race). */
    BedParameter bedParameter(String ward, String bed, Metric metric);

    /**
     * Writes a bed parameter's new state, and its alert into {@code thingName}'s outbox, atomically and only if the
     * stored state is still at {@code advance.expected()}'s version.
     *
     * @return false when another invocation changed the state first: read it again and re-evaluate
     */
    boolean advanceBed(String thingName, Instant receivedAt, StateAdvance.OfBed advance);

    /** Records the bed the device's readings now feed; null when it feeds none. */
    void recordPlace(String thingName, Place place);

    /**
     * Stores a message's readings (under keys derived from the message, so a retry overwrites instead of
     * duplicating), its refused readings in the quarantine, and its state advances, each conditioned on its
     * {@code expected} version. The writes are independent of one another and may be made concurrently; all have
     * ended when this returns. If any write fails, this throws after all have ended: some may have been made.
     *
     * @return the advances not written because another invocation changed their state first: read it again and
     *         re-evaluate
     */
    List<StateAdvance> storeMessage(Device device, Envelope envelope, DecodedMessage message, List<Reading> readings,
                                    List<QuarantineEntry> quarantined, List<StateAdvance> advances);

    void quarantine(List<QuarantineEntry> entries);

    LatestState latest(String thingName, Metric metric);

    /**
     * Records {@code reading} as the latest of its metric with the state {@code next}, the alert to send and the
     * excursion to log if any, atomically and only if the stored state is still at {@code expected}'s version.
     *
     * @param excursion a cold-chain excursion as it now stands (open or just ended), kept in the excursion log
     * @return false when another invocation changed the state first: read it again and re-evaluate
     */
    boolean advance(Device device, Envelope envelope, DecodedMessage message, Reading reading, LatestState expected,
                    LatestState next, Optional<OutgoingAlert> alert, Optional<Excursion> excursion);

    /** The state of a device's own condition (battery, silence). */
    LatestState condition(String thingName, DeviceCondition condition);

    /**
     * Records a device condition's new state, and the alert to send if any, atomically and only if the stored state
     * is still at {@code expected}'s version; the alert goes to the outbox under {@code alert.key()}. For
     * {@link DeviceCondition#SILENCE} the state also names that key ({@link LatestState#unsentAlert()}) until
     * {@link #forgetUnsent} clears it: a silence alert belongs to no message whose retry would read the outbox.
     *
     * @return false when another invocation changed the state first
     */
    default boolean advanceCondition(String thingName, DeviceCondition condition, LatestState expected,
                                     AlertState next, Optional<OutgoingAlert> alert) {
        return advanceCondition(thingName, condition, expected, next, null, alert);
    }

    /** As above, keeping {@code period} (the no-signal period in progress, or null) with the state. */
    boolean advanceCondition(String thingName, DeviceCondition condition, LatestState expected, AlertState next,
                             Episode period, Optional<OutgoingAlert> alert);

    /**
     * When each device's latest reading was received, over every metric its kind measures; a device that never
     * reported has no entry. One batch read for up to a hundred metric states, not one query per device.
     */
    Map<String, Instant> lastSeen(Collection<Device> devices);

    /** Alerts of this message written to the outbox and not yet sent. */
    List<OutgoingAlert> pendingAlerts(String thingName, String messageId);

    /** The outbox entry at {@code key} of the device's partition, if it is still pending. */
    Optional<OutgoingAlert> unsentAlert(String thingName, String key);

    void markSent(OutgoingAlert alert, String channelMessageId);

    /** Clears the condition state's {@link LatestState#unsentAlert()} if it still names {@code key}. */
    void forgetUnsent(String thingName, DeviceCondition condition, String key);

    /**
     * Records that the message was processed to the end, and marks {@code sent} sent in the outbox, in one request.
     * A redelivery finds the message processed; so the alerts of its outbox must all have been published first.
     */
    void markProcessed(String thingName, String messageId, TelemetryResult result, List<SentAlert> sent);
}
