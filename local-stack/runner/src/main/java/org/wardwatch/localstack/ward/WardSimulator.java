package org.wardwatch.localstack.ward;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Publishes the simulated ward's readings: each device on its own MQTT connection, every {@code interval}, with
 * the current time as device time, QoS 1. Counts what the broker acknowledged and what it refused.
 */
public final class WardSimulator implements AutoCloseable {

    /** A device with its open connection and topic. */
    public record Connected(SimulatedDevice device, DeviceConnection connection, String topic) {
    }

    private final List<Connected> devices;
    private final Duration interval;
    private final long seed;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "ward-simulator");
        t.setDaemon(true);
        return t;
    });
    public final AtomicLong sent = new AtomicLong();
    public final AtomicLong acknowledged = new AtomicLong();
    public final AtomicLong refused = new AtomicLong();
    private final java.util.Map<String, String> latestReadings = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Instant start;
    private volatile Duration duration;

    public WardSimulator(List<Connected> devices, Duration interval, long seed) {
        this.devices = List.copyOf(devices);
        this.interval = interval;
        this.seed = seed;
    }

    /** Starts publishing; {@code duration} is the run length the trajectories are spread over. */
    public void start(Duration duration) {
        this.start = Instant.now();
        this.duration = duration;
        long periodMillis = interval.toMillis();
        for (int i = 0; i < devices.size(); i++) {
            Connected c = devices.get(i);
            Random noise = new Random(seed + i);
            AtomicLong sequence = new AtomicLong();
            long offset = periodMillis * i / Math.max(1, devices.size());
            scheduler.scheduleAtFixedRate(() -> publish(c, noise, sequence.incrementAndGet()), offset, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void publish(Connected c, Random noise, long sequence) {
        Instant now = Instant.now();
        double progress = duration.isZero() ? 0
                : Math.min(1.0, Duration.between(start, now).toMillis() / (double) duration.toMillis());
        if (!c.device().reporting(progress)) {
            return;
        }
        String readings = c.device().readings(progress, noise);
        latestReadings.put(c.device().thing(), readings);
        String payload = "{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"" + c.device().thing() + "-" + sequence
                + "\",\"deviceTime\":\"" + now + "\",\"readings\":[" + readings
                + "],\"battery\":" + String.format(java.util.Locale.ROOT, "%.2f", c.device().battery(progress)) + "}";
        sent.incrementAndGet();
        c.connection().publish(c.topic(), payload.getBytes(StandardCharsets.UTF_8)).thenAccept(accepted -> {
            if (accepted) {
                acknowledged.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
        });
    }

    /** The content of the readings array the device last published, if it published. */
    public java.util.Optional<String> latestReadings(String thing) {
        return java.util.Optional.ofNullable(latestReadings.get(thing));
    }

    /** Connects every device through {@code connect}; a device that cannot connect stops the start-up. */
    public static List<Connected> connectAll(List<SimulatedDevice> devices,
                                             Function<SimulatedDevice, Connected> connect) {
        List<Connected> connected = new ArrayList<>();
        for (SimulatedDevice device : devices) {
            connected.add(connect.apply(device));
        }
        return connected;
    }

    public List<Connected> devices() {
        return devices;
    }

    /** Stops publishing; connections stay open until {@link #close()}. */
    public void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the broker has answered every publish sent (acknowledged or refused), at most {@code timeout}. */
    public boolean awaitAcknowledged(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.get() + refused.get() < sent.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Stops publishing and disconnects every device cleanly; closing again does nothing more. */
    @Override
    public void close() {
        stop();
        devices.forEach(c -> c.connection().close());
    }
}
