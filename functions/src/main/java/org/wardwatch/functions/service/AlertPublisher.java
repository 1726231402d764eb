package org.wardwatch.functions.service;

/** Sends a rendered alert to the tenant's alert topic; returns the channel's message id. */
public interface AlertPublisher {

    String publish(OutgoingAlert alert);
}
