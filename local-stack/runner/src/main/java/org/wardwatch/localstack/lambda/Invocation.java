package org.wardwatch.localstack.lambda;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One request to a function, waiting in the queue or held by an instance. */
final class Invocation {

    final String requestId = UUID.randomUUID().toString();
    final String event;
    final Duration timeout;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    volatile Instant deadline;

    Invocation(String event, Duration timeout) {
        this.event = event;
        this.timeout = timeout;
    }
}
