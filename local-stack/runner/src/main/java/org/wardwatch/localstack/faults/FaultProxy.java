package org.wardwatch.localstack.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback between the functions and the AWS emulator, for fault tests: it passes traffic, refuses
 * it (the emulator is down), or holds every request until told otherwise (the emulator hangs, so the function
 * overruns its timeout however long that is; a held request is then dropped, never delivered late).
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy does with traffic now. */
    public enum Mode { PASS, DOWN, HANG }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object modeChanged = new Object();
    private volatile Mode mode = Mode.PASS;

    public FaultProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.submit(this::accept);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Passes traffic again; requests held by {@link #hang()} are dropped with their connections. */
    public void pass() {
        setMode(Mode.PASS);
    }

    /** Refuses new connections and cuts the open ones: the emulator is unreachable. */
    public void down() {
        setMode(Mode.DOWN);
        open.forEach(FaultProxy::closeQuietly);
    }

    /**
     * Holds every request from now on, unanswered, until the mode changes; then drops it and its connection
     * without passing it on, so a request the function gave up on never reaches the emulator afterwards.
     */
    public void hang() {
        setMode(Mode.HANG);
    }

    private void setMode(Mode next) {
        synchronized (modeChanged) {
            mode = next;
            modeChanged.notifyAll();
        }
    }

    private void awaitModeChange() throws InterruptedException {
        synchronized (modeChanged) {
            while (mode == Mode.HANG) {
                modeChanged.wait();
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (mode == Mode.DOWN) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                pumps.submit(() -> pump(client, upstream, true));
                pumps.submit(() -> pump(upstream, client, false));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (request && mode == Mode.HANG) {
                    awaitModeChange();
                    break;
                }
                if (mode == Mode.DOWN) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(FaultProxy::closeQuietly);
        pumps.shutdownNow();
    }
}
