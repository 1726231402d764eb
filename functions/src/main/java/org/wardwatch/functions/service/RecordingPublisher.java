package org.wardwatch.functions.service;

/**
 * An {@link AlertPublisher} that records each alert's transition ({@link AlertRecorder}) and then publishes it.
 * Recording first: an alert whose record could not be written is not published, stays pending in its outbox and
 * is retried with it; a retry after a publish records nothing twice.
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
        recorder.record(alert);
        return publisher.publish(alert);
    }
}
