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
 * Where the telemetry function keeps readings, quarantine, alert state and its outbox. Every write is
 * idempotent or conditioned on the version it was evaluated from, so that a redelivered or retried event stores
 * nothing twice.
 */
public interface TelemetryStore {

    /**
     * Whether the message was processed to the end, and the stored state of {@code metrics} and {@code conditions},
     * read consistently in one request.
     */
    DeviceSnapshot snapshot(String thingName, String messageId, Set<Metric> metrics, Set<DeviceCondition> conditions);

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
    boolean advanceCondition(String thingName, DeviceCondition condition, LatestState expected, AlertState next,
                             Optional<OutgoingAlert> alert);

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
