package org.wardwatch.localstack.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's mosquitto-clients, a client no one here wrote, run with {@code -d} so its output shows the broker's
 * CONNACK, PUBACK, SUBACK and DISCONNECT. .ci/run installs it; a test that needs it fails when it is missing.
 */
final class Mosquitto {

    /** What one run printed (stdout and stderr together) and its exit code; {@code -1} if it was still running. */
    record Run(int exitCode, String output) {
    }

    private final List<String> connection;

    Mosquitto(String host, int port, Path ca, Path certificate, Path key) {
        connection = List.of("-d", "-h", host, "-p", Integer.toString(port), "--cafile", ca.toString(),
                "--cert", certificate.toString(), "--key", key.toString());
    }

    /** mosquitto_pub as {@code clientId}: one message, then it disconnects. */
    Run publish(String version, String clientId, String topic, int qos, boolean retain, String... extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-V", version, "-i", clientId, "-t", topic, "-q",
                Integer.toString(qos), "-m", "{\"schema\":\"x\"}"));
        if (retain) {
            args.add("-r");
        }
        args.addAll(List.of(extra));
        return run("mosquitto_pub", args, 20);
    }

    /** mosquitto_sub as {@code clientId} on {@code filter}, for at most {@code seconds} ({@code -W}). */
    Run subscribe(String version, String clientId, String filter, int seconds, String... extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-V", version, "-i", clientId, "-t", filter, "-q", "1",
                "-W", Integer.toString(seconds), "-v"));
        args.addAll(List.of(extra));
        return run("mosquitto_sub", args, seconds + 15);
    }

    /** Starts mosquitto_sub in the background; the caller ends it. */
    Process startSubscriber(String version, String clientId, String filter, Path output, String... extra)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(require("mosquitto_sub")));
        command.addAll(connection);
        command.addAll(List.of("-V", version, "-i", clientId, "-t", filter, "-q", "1", "-v"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /**
     * Starts mosquitto_pub reading lines from its standard input ({@code -l}): it stays connected until its input
     * ends (then it disconnects cleanly) or it is killed (then the broker sees the connection drop).
     */
    Process startLinePublisher(String version, String clientId, String topic, Path output, String... extra)
            throws IOException {
        // stdbuf: unbuffered, so its output can be read while it runs
        List<String> command = new ArrayList<>(List.of("stdbuf", "-o0", require("mosquitto_pub")));
        command.addAll(connection);
        command.addAll(List.of("-V", version, "-i", clientId, "-t", topic, "-q", "1", "-l"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private Run run(String program, List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(require(program)));
        command.addAll(connection);
        command.addAll(args);
        Path out = Files.createTempFile("mosquitto", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            return new Run(ended ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static String require(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(program + " is not installed: these broker tests need Debian's mosquitto-clients"
                + " (apt-get install mosquitto-clients; .ci/run installs it)");
    }
}
