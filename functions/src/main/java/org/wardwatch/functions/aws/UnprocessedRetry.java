package org.wardwatch.functions.aws;

import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Sends a DynamoDB batch request until all of it is processed. {@code BatchWriteItem} and {@code BatchGetItem} may
 * leave part of a request unprocessed (throttling, a partition's limits, a get response over 16 MB) and still
 * succeed; that part is sent again after a pause that doubles each time (25 ms, 50 ms, ...), never dropped. If
 * some is still left after the last attempt, this throws: the invocation fails and Lambda retries it.
 */
final class UnprocessedRetry {

    static final int ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MILLIS = 25;

    private final int attempts;
    private final LongConsumer pause;

    UnprocessedRetry(int attempts, LongConsumer pause) {
        this.attempts = attempts;
        this.pause = pause;
    }

    /** Eight attempts, pausing the calling thread in between. */
    static UnprocessedRetry standard() {
        return new UnprocessedRetry(ATTEMPTS, UnprocessedRetry::sleep);
    }

    /**
     * Sends {@code request}, then whatever each answer leaves unprocessed, until nothing is left.
     *
     * @param send makes one call and returns the part of its request left unprocessed
     * @param empty whether a request (or what is left of one) holds nothing
     * @param what names the request in the error when attempts run out
     */
    <R> void sendAll(R request, UnaryOperator<R> send, Predicate<R> empty, String what) {
        R pending = request;
        for (int attempt = 1; !empty.test(pending); attempt++) {
            if (attempt > attempts) {
                throw new IllegalStateException("DynamoDB left part of " + what + " unprocessed after " + attempts
                        + " attempts");
            }
            if (attempt > 1) {
                pause.accept(FIRST_PAUSE_MILLIS << (attempt - 2));
            }
            pending = send.apply(pending);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch request", e);
        }
    }
}
