package org.wardwatch.localstack.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.wardwatch.localstack.lambda.InvocationResult;
import org.wardwatch.localstack.tenant.TenantHttpApi;

/**
 * The tenant's HTTP API on {@code http://127.0.0.1:<port>}, answering as API Gateway does in front of the staff
 * function: a request no route matches is {@code 404 {"message":"Not Found"}}; a body over API Gateway's 10 MB
 * {@code 413}; a route behind the JWT authorizer without a valid ID token {@code 401 {"message":"Unauthorized"}}
 * (why, in {@code www-authenticate}, as API Gateway puts it); otherwise the payload 2.0 event goes to the
 * function, and its answer ({@link FunctionAnswer}) back to the caller, or {@code 504} when the integration's
 * timeout passes first. Requests are served concurrently; the function pool queues them as Lambda's concurrency
 * would.
 */
public final class ApiFront implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small replies wait about 40 ms for Nagle (as for the Runtime API).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** API Gateway's HTTP API payload limit. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final TenantHttpApi api;
    private final RouteTable routes;
    private final JwtAuthorizer authorizer;
    private final Function<String, CompletableFuture<InvocationResult>> function;
    private final String account;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "api-front");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param function invokes the API's function with an event (its warm instances)
     * @param port the port to listen on, 0 for a free one
     */
    public ApiFront(TenantHttpApi api, JwtAuthorizer authorizer,
                    Function<String, CompletableFuture<InvocationResult>> function, String account, Clock clock,
                    int port) throws IOException {
        this.api = api;
        this.routes = new RouteTable(api.routes());
        this.authorizer = authorizer;
        this.function = function;
        this.account = account;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::serve);
        server.setExecutor(workers);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            FunctionAnswer answer = answer(exchange);
            answer.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
            exchange.getResponseHeaders().putIfAbsent("apigw-requestid", List.of(Long.toHexString(System.nanoTime())));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), head || answer.body().length == 0 ? -1 : answer.body().length);
            if (!head && answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException e) {
            // the caller went away
        }
    }

    private FunctionAnswer answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        Optional<RouteTable.Match> match = routes.match(method, uri.getRawPath());
        if (match.isEmpty()) {
            return FunctionAnswer.gateway(404, "Not Found");
        }
        byte[] body = read(exchange.getRequestBody());
        if (body == null) {
            return FunctionAnswer.gateway(413, "Request Entity Too Large");
        }
        com.fasterxml.jackson.databind.JsonNode claims = null;
        if (match.get().route().authorized()) {
            JwtAuthorizer.Decision decision = authorizer.authorize(
                    exchange.getRequestHeaders().getFirst("Authorization"));
            if (decision instanceof JwtAuthorizer.Refused refused) {
                FunctionAnswer unauthorized = FunctionAnswer.gateway(401, "Unauthorized");
                unauthorized.headers().put("www-authenticate", List.of("Bearer error=\"invalid_token\" "
                        + "error_description=\"" + refused.reason().replace("\"", "'") + "\""));
                return unauthorized;
            }
            claims = ((JwtAuthorizer.Allowed) decision).claims();
        }
        PayloadV2.Request request = new PayloadV2.Request(method, uri.getRawPath(), uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body,
                exchange.getRemoteAddress().getAddress().getHostAddress());
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1");
        String event = PayloadV2.event(request, match.get(), claims, api.name(), account, host, clock.instant());
        try {
            return FunctionAnswer.of(function.apply(event)
                    .get(match.get().route().timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return FunctionAnswer.gateway(504, "Gateway Timeout");
        } catch (ExecutionException e) {
            return FunctionAnswer.gateway(500, "Internal Server Error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FunctionAnswer.gateway(503, "Service Unavailable");
        } catch (RuntimeException e) {
            // the function is stopping (the stack closes)
            return FunctionAnswer.gateway(503, "Service Unavailable");
        }
    }

    /** The whole body, or null when it is over {@link #MAX_BODY_BYTES}. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
