package org.wardwatch.localstack.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Lambda Runtime API (2018-06-01) for one function instance, on its own loopback port, so that an
 * invocation is always known to be held by that instance. Instances share the pool's queue.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on; small responses then wait 40-90 ms for an ACK
        // (docs/performance.md). Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> queue;
    private final String functionArn;
    private final Map<String, Invocation> held = new ConcurrentHashMap<>();
    private final Consumer<String> onInitError;
    private final Consumer<Invocation> onHandedOut;
    private volatile boolean polled;

    RuntimeApiServer(BlockingQueue<Invocation> queue, String functionArn, Consumer<String> onInitError,
                     Consumer<Invocation> onHandedOut) throws IOException {
        this.queue = queue;
        this.functionArn = functionArn;
        this.onInitError = onInitError;
        this.onHandedOut = onHandedOut;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext(PREFIX, this::handle);
        this.server.start();
    }

    /** {@code host:port}, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether the runtime has asked for its first event: the instance finished its init phase. */
    boolean ready() {
        return polled;
    }

    /** Invocations this instance holds, for timeouts and for failing them when the process dies. */
    Map<String, Invocation> held() {
        return held;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path.substring("invocation/".length(), path.length() - "/response".length()), false);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path.substring("invocation/".length(), path.length() - "/error".length()), true);
            } else if (method.equals("POST") && path.equals("init/error")) {
                onInitError.accept(body(exchange));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polled = true;
        Invocation invocation;
        try {
            invocation = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "{\"errorType\":\"Shutdown\"}");
            return;
        }
        invocation.deadline = Instant.now().plus(invocation.timeout);
        held.put(invocation.requestId, invocation);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(invocation.deadline.toEpochMilli()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + invocation.requestId.replace("-", "").substring(0, 24));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // Before the runtime has the event: fault injection may stop the process here.
        onHandedOut.accept(invocation);
        respond(exchange, 200, invocation.event);
    }

    private void complete(HttpExchange exchange, String requestId, boolean error) throws IOException {
        String body = body(exchange);
        Invocation invocation = held.remove(requestId);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        invocation.result.complete(error
                ? InvocationResult.failure(requestId, errorType == null ? "Unhandled" : errorType, body)
                : InvocationResult.success(requestId, body));
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        try {
            ((java.util.concurrent.ExecutorService) server.getExecutor()).awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
