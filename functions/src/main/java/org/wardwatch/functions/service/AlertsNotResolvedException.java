package org.wardwatch.functions.service;

/**
 * A discharge or transfer was written, but resolving the bed's open alerts failed: the admission change stands and
 * the alerts stay open (safer than resolving them for a patient still in the bed, had the order been the other way).
 */
public final class AlertsNotResolvedException extends RuntimeException {

    public AlertsNotResolvedException(String message, Throwable cause) {
        super(message, cause);
    }
}
