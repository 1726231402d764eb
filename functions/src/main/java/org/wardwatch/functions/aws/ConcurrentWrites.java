package org.wardwatch.functions.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a message's independent DynamoDB calls at the same time, so that they cost one round trip rather than one
 * each: the caller's thread makes the first, up to {@link #WORKERS} daemon threads the others (more wait their
 * turn). Five at once is also how many idle connections the JDK's HTTP client keeps per host
 * ({@code http.maxConnections}), so the URLConnection client reuses its connections instead of opening new ones.
 * Threads are started when first needed; an instance frozen between invocations keeps them idle.
 */
final class ConcurrentWrites {

    static final int WORKERS = 4;

    private final ThreadPoolExecutor workers;

    ConcurrentWrites() {
        AtomicInteger count = new AtomicInteger();
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "wardwatch-dynamodb-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs every call and waits for all of them, whatever happens to any one. If some failed, throws the first
     * failure (in the order of {@code calls}) with the others suppressed, after all have ended.
     *
     * @return each call's result, in the order of {@code calls}
     */
    <T> List<T> all(List<Callable<T>> calls) {
        List<Future<T>> started = new ArrayList<>(calls.size());
        for (int i = 1; i < calls.size(); i++) {
            started.add(workers.submit(calls.get(i)));
        }
        List<T> results = new ArrayList<>(calls.size());
        Throwable failure = null;
        if (!calls.isEmpty()) {
            try {
                results.add(calls.get(0).call());
            } catch (Exception | Error e) {
                failure = e;
                results.add(null);
            }
        }
        boolean interrupted = false;
        for (Future<T> future : started) {
            while (true) {
                try {
                    results.add(future.get());
                    break;
                } catch (InterruptedException e) {
                    // the calls are under way and must end before we return: wait on, then restore the flag
                    interrupted = true;
                } catch (ExecutionException e) {
                    failure = first(failure, e.getCause());
                    results.add(null);
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return results;
    }

    private static Throwable first(Throwable failure, Throwable another) {
        if (failure == null) {
            return another;
        }
        failure.addSuppressed(another);
        return failure;
    }
}
