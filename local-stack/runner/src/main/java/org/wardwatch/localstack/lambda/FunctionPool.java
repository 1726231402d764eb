package org.wardwatch.localstack.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of warm execution environments of one function, fed from one queue. An environment whose
 * process dies, or that overruns an invocation's timeout, is killed (its invocation fails as Lambda reports it:
 * {@code Runtime.ExitError} or {@code Sandbox.Timedout}) and replaced by a fresh one.
 */
public final class FunctionPool implements AutoCloseable {

    private final FunctionSpec spec;
    private final Map<String, String> awsEnvironment;
    private final Path logDirectory;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final List<FunctionInstance> instances = new ArrayList<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "function-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile java.util.function.Predicate<String> crashOn = event -> false;
    private volatile java.util.function.BiConsumer<String, Long> onHandout = (event, pid) -> { };
    private volatile boolean closed;

    public FunctionPool(FunctionSpec spec, Map<String, String> awsEnvironment, Path logDirectory) {
        this.spec = spec;
        this.awsEnvironment = awsEnvironment;
        this.logDirectory = logDirectory;
    }

    /** Starts {@code size} environments and waits until each has finished its init phase. */
    public synchronized void start(int size, Duration initTimeout) {
        try {
            Files.createDirectories(logDirectory);
            for (int i = 0; i < size; i++) {
                instances.add(launch(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(initTimeout);
        for (FunctionInstance instance : instances) {
            while (!instance.ready()) {
                if (instance.initError() != null || !instance.alive()) {
                    throw new FunctionStartException(spec.name() + " instance " + instance.number
                            + " failed to initialise; see " + log(instance.number));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new FunctionStartException(spec.name() + " did not initialise within "
                            + initTimeout.toSeconds() + " s; see " + log(instance.number));
                }
                sleep(20);
            }
        }
        watchdog.scheduleWithFixedDelay(this::watch, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Queues an invocation; the future completes with the response or the error, never exceptionally. */
    public CompletableFuture<InvocationResult> invoke(String event) {
        if (closed) {
            throw new IllegalStateException(spec.name() + " is stopped");
        }
        Invocation invocation = new Invocation(event, spec.timeout());
        queue.add(invocation);
        return invocation.result;
    }

    public String name() {
        return spec.name();
    }

    /** Environments replaced after a crash or timeout. */
    public int restarts() {
        return restarts.get();
    }

    private FunctionInstance launch(int number) throws IOException {
        return new FunctionInstance(number, spec, queue, awsEnvironment, log(number),
                (event, pid) -> onHandout.accept(event, pid), event -> crashOn.test(event));
    }

    /** The process ids of the current environments, in instance order. */
    public synchronized List<Long> instancePids() {
        return instances.stream().map(FunctionInstance::pid).toList();
    }

    /**
     * Test hook: {@code observer} is given each invocation's event and the process id of the environment it is
     * handed to, before the runtime gets it. An observer that blocks holds the invocation in that environment (its
     * timeout runs meanwhile), which cannot take another until it is let go.
     */
    public void onHandout(java.util.function.BiConsumer<String, Long> observer) {
        this.onHandout = observer;
    }

    /** Fault injection for tests: an instance given an event matching {@code predicate} dies while handling it. */
    public void crashOn(java.util.function.Predicate<String> predicate) {
        this.crashOn = predicate;
    }

    private Path log(int number) {
        return logDirectory.resolve(spec.name() + "-" + number + ".log");
    }

    private synchronized void watch() {
        if (closed) {
            return;
        }
        Instant now = Instant.now();
        for (int i = 0; i < instances.size(); i++) {
            FunctionInstance instance = instances.get(i);
            boolean timedOut = instance.api().held().values().stream()
                    .anyMatch(inv -> inv.deadline != null && now.isAfter(inv.deadline));
            if (!timedOut && instance.alive()) {
                continue;
            }
            // Counted before the kill fails the held invocation: whoever sees that failure sees the restart too.
            restarts.incrementAndGet();
            if (timedOut) {
                instance.kill("Sandbox.Timedout", "Task timed out after " + spec.timeout().toMillis() / 1000.0 + " seconds");
            } else {
                instance.kill("Runtime.ExitError", "the runtime exited without providing a reason");
            }
            try {
                instances.set(i, launch(instance.number));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        watchdog.shutdownNow();
        instances.forEach(FunctionInstance::close);
        Invocation leftover;
        while ((leftover = queue.poll()) != null) {
            leftover.result.complete(InvocationResult.failure(leftover.requestId, "Runtime.Shutdown",
                    "{\"errorType\":\"Runtime.Shutdown\",\"errorMessage\":\"the local stack stopped\"}"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionStartException("interrupted while starting functions");
        }
    }
}
