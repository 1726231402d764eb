package org.wardwatch.functions.service;

/** An outbox alert that was published, with the channel's message id. */
public record SentAlert(OutgoingAlert alert, String channelMessageId) {
}
