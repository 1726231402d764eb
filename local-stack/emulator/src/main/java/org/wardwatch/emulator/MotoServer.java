package org.wardwatch.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A moto server process on a loopback port it picked itself: the AWS emulator behind the tests and {@code ./local-stack/run}.
 *
 * <p>{@link #shared()} gives one server per JVM (one per test run), stopped when the JVM exits; {@link #start}
 * gives a private one that the caller closes. The server runs from the virtualenv that {@link MotoInstallation}
 * keeps under {@code local-stack/.venv}.
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static MotoServer shared;

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The server shared by everything in this JVM, started on first use and stopped at JVM exit. */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            MotoServer server = start(MotoInstallation.forProject(ProjectRoot.find()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
            shared = server;
        }
        return shared;
    }

    /**
     * Installs moto if needed and starts a server on 127.0.0.1; waits until it answers. The server binds port 0, so
     * the operating system picks the port as it binds (nothing can take it in between), and reports the port it
     * got through a file (local-stack/moto_server.py).
     */
    public static MotoServer start(MotoInstallation installation) {
        Path executable = installation.ensureInstalled();
        // local-stack/moto_server.py: moto's server with one change, to how TransactWriteItems backs up (see there).
        Path python = executable.resolveSibling("python");
        Path launcher = installation.venv().resolveSibling("moto_server.py");
        if (!Files.isRegularFile(launcher)) {
            throw new EmulatorException("missing " + launcher + ": is this a wardwatch checkout?");
        }
        try {
            Files.createDirectories(installation.runDirectory());
            Path log = Files.createTempFile(installation.runDirectory(), "moto-", ".log");
            Path portFile = log.resolveSibling(log.getFileName().toString().replace(".log", ".port"));
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    python.toString(), launcher.toString(), "-H", "127.0.0.1", "-p", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("WARDWATCH_MOTO_PORT_FILE", portFile.toString());
            Process process = builder.start();
            int port = awaitPort(process, portFile, log);
            MotoServer server = new MotoServer(process, port, log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new EmulatorException("could not start moto server (" + executable + "): " + e.getMessage(), e);
        }
    }

    /** The endpoint to give AWS SDK clients as their endpoint override, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The file the server's own output goes to (request log, stack traces). */
    public Path logFile() {
        return log;
    }

    /** Forgets every resource in every service: moto's {@code POST /moto-api/reset}. */
    public void reset() {
        send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The port the server bound, once it has written it; the process is stopped if it never does. */
    private static int awaitPort(Process process, Path portFile, Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(portFile)) {
                try {
                    int port = Integer.parseInt(Files.readString(portFile).trim());
                    Files.delete(portFile);
                    return port;
                } catch (IOException | NumberFormatException e) {
                    process.destroyForcibly();
                    throw new EmulatorException("moto server wrote no port to " + portFile + "; see " + log, e);
                }
            }
            if (!process.isAlive()) {
                throw new EmulatorException("moto server exited with code " + process.exitValue()
                        + " before listening; see " + log);
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new EmulatorException("moto server was not listening within " + STARTUP_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new EmulatorException("moto server exited with code " + process.exitValue()
                        + " before answering; see " + log);
            }
            try {
                HttpResponse<Void> response = HttpClient.newHttpClient()
                        .send(probe, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmulatorException("interrupted while waiting for moto server", e);
            }
            sleep(100);
        }
        close();
        throw new EmulatorException("moto server did not answer within " + STARTUP_TIMEOUT.toSeconds()
                + " s on port " + port + "; see " + log);
    }

    private static void send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new EmulatorException("moto server answered " + response.statusCode() + " to "
                        + request.uri().getPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted", e);
        }
    }

    /**
     * A port of 127.0.0.1 free right now, for a server the caller starts next. Released before the caller binds
     * it, so another process can take it in between: prefer a server that binds port 0 itself and says which port
     * it got, as this one does.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmulatorException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmulatorException("interrupted while waiting for moto server", e);
        }
    }

    /** Runs a server until interrupted: {@code java -cp ... org.wardwatch.emulator.MotoServer}. */
    public static void main(String[] args) throws InterruptedException {
        try (MotoServer server = start(MotoInstallation.forProject(ProjectRoot.find()))) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
            System.out.println(server.endpoint());
            System.out.flush();
            server.process.waitFor();
        }
    }
}
