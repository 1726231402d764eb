package org.wardwatch.functions.service;

import org.wardwatch.functions.core.AlertRecord;
import org.wardwatch.model.escalation.Tiers;

/**
 * An {@link AlertPublisher} that records each alert's transition ({@link AlertRecorder}) and then publishes it.
 * Recording first: an alert whose record could not be written is not published, stays pending in its outbox and
 * is retried with it; a retry after a publish records nothing twice.
 *
 * <p>Every message it publishes carries the {@link OutgoingAlert#TIER} attribute: a transition goes to tiers 1 to
 * its record's {@link AlertRecord#highestTier()} (so a RESOLVED reaches every tier that was paged), or to tier 1
 * when it has no record; a message that names its tiers already (a reminder, escalation or acknowledgement,
 * {@link AlertRenderer}) keeps them.
 */
public final class RecordingPublisher implements AlertPublisher {

    private final AlertRecorder recorder;
    private final AlertPublisher publisher;

    public RecordingPublisher(AlertRecorder recorder, AlertPublisher publisher) {
        this.recorder = recorder;
        this.publisher = publisher;
    }

    @Override
    public String publish(OutgoingAlert alert) {
        int highest = recorder.record(alert).map(AlertRecord::highestTier).orElse(Tiers.FIRST);
        return publisher.publish(alert.attributes().containsKey(OutgoingAlert.TIER) ? alert
                : alert.withTiers(OutgoingAlert.tiersUpTo(highest)));
    }
}
