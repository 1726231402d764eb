package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.wardwatch.localstack.faults.FaultProxy;
import org.wardwatch.localstack.lambda.FunctionCode;
import org.wardwatch.localstack.lambda.FunctionPool;
import org.wardwatch.localstack.lambda.FunctionSpec;
import org.wardwatch.localstack.tenant.LocalTenant;
import org.wardwatch.localstack.tenant.TenantHttpApi;
import org.wardwatch.localstack.tenant.TenantRule;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;

/**
 * The packaged functions as the local stack runs them: function.zip unpacked under the Lambda runtime interface
 * client, warm instances of each function a rule invokes, and the redrive, silence, admission, acknowledge and
 * escalation functions run on demand. With fault injection the functions reach the emulator through a {@link FaultProxy}.
 */
final class StackFunctions {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The admission service's handler (functions/README.md, "Admissions"), invoked by an operator or a replay. */
    static final String ADMISSION = "admission";
    /** Acknowledges any alert (functions/README.md), invoked by a replay's ack lines. */
    static final String ACKNOWLEDGE = Handler.Names.ACKNOWLEDGE;
    /** The scheduled escalation check, invoked by a replay's clock lines. */
    static final String ESCALATION = Handler.Names.ESCALATION;

    private final LocalStack.Options options;
    private final LocalTenant tenant;
    private final String region;
    private final URI emulator;
    private final Consumer<AutoCloseable> closeLater;
    private final List<Path> ric;
    private final Path code;
    private final FaultProxy faults;
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    /** The functions no rule invokes (silence, admission, acknowledge, escalation), by handler, once started. */
    private final Map<String, FunctionPool> onDemand = new LinkedHashMap<>();
    private FunctionPool pool;

    private StackFunctions(LocalStack.Options options, LocalTenant tenant, String region, URI emulator, Path zip,
                           Path run, Consumer<AutoCloseable> closeLater) {
        this.options = options;
        this.tenant = tenant;
        this.region = region;
        this.emulator = emulator;
        this.closeLater = closeLater;
        Path ricDir = Path.of(System.getProperty("wardwatch.lambdaRuntime",
                options.root().resolve("local-stack/runner/target/lambda-runtime").toString()));
        this.ric = FunctionCode.runtimeClient(ricDir);
        this.code = FunctionCode.unpack(zip, run.resolve("task"));
        if (options.faultInjection()) {
            try {
                this.faults = new FaultProxy(emulator);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            closeLater.accept(faults);
        } else {
            this.faults = null;
        }
    }

    /** Unpacks {@code zip} into {@code run} and starts the functions the tenant's rules invoke. */
    static StackFunctions start(LocalStack.Options options, LocalTenant tenant, String region, URI emulator,
                                Path zip, Path run, Consumer<AutoCloseable> closeLater, Consumer<String> step) {
        StackFunctions functions = new StackFunctions(options, tenant, region, emulator, zip, run, closeLater);
        functions.startRuleFunctions(step);
        return functions;
    }

    /**
     * Starts the function each rule invokes, all at once: the telemetry function with {@code functionInstances}
     * warm instances, any other rule's function (presence) with one; a function two rules invoke runs once.
     */
    private void startRuleFunctions(Consumer<String> step) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (TenantRule rule : tenant.rules()) {
            TenantRule.Target target = rule.target();
            int size = target.handlerName().equals(Handler.TELEMETRY.handlerName()) ? options.functionInstances() : 1;
            sizes.merge(target.functionName(), size, Math::max);
            if (!pools.containsKey(target.functionName())) {
                FunctionPool started = new FunctionPool(functionSpec(target), awsEnvironment(region),
                        options.runDirectory().resolve("logs"));
                closeLater.accept(started);
                pools.put(target.functionName(), started);
            }
        }
        sizes.forEach((name, size) -> step.accept("starting " + size + " warm instance(s) of " + name
                + " (function.zip under the Lambda runtime interface client)"));
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        pools.forEach((name, p) -> starts.add(CompletableFuture.runAsync(
                () -> p.start(sizes.get(name), Duration.ofSeconds(120)))));
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        pool = pools.get(tenant.functionName());
    }

    private FunctionSpec functionSpec(TenantRule.Target target) {
        Duration timeout = options.functionTimeout() != null ? options.functionTimeout() : target.timeout();
        return functionSpec(target.functionName(), target.runtimeHandler(), target.environment(), timeout,
                target.memoryMb());
    }

    /**
     * The functions no rule invokes (redrive, silence, admission, acknowledge, escalation): the test override of
     * the timeout is for the rules' functions (a slow function that overruns it), so these keep the template's,
     * and a redrive on a busy machine does not time out half-way.
     */
    private FunctionSpec functionSpec(String name, Map<String, String> environment) {
        return functionSpec(name, tenant.handler(), environment, tenant.functionTimeout(), tenant.functionMemoryMb());
    }

    private FunctionSpec functionSpec(String name, String runtimeHandler, Map<String, String> environment,
                                      Duration timeout, int memoryMb) {
        return functionSpec(code, name, runtimeHandler, environment, timeout, memoryMb);
    }

    /** A function of the code unpacked in {@code codeDirectory}, with the options' environment over its own. */
    private FunctionSpec functionSpec(Path codeDirectory, String name, String runtimeHandler,
                                      Map<String, String> environment, Duration timeout, int memoryMb) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(options.functionEnvironment());
        return new FunctionSpec(name, codeDirectory, ric, runtimeHandler, env, timeout, memoryMb,
                List.of(FunctionCode.nativeLibraryOption(ric, options.runDirectory().resolve("jni"))));
    }

    /**
     * Starts {@code instances} warm instances of the HTTP API's function from its own artifact ({@code zip},
     * unpacked beside the device-facing one), with the template's timeout, memory and environment; closed with the
     * stack.
     */
    FunctionPool startApiFunction(TenantHttpApi.Function function, Path zip, int instances) {
        Path apiCode = FunctionCode.unpack(zip, options.runDirectory().resolve("task-" + function.functionName()));
        FunctionPool started = new FunctionPool(functionSpec(apiCode, function.functionName(),
                function.runtimeHandler(), function.environment(), function.timeout(), function.memoryMb()),
                awsEnvironment(region), options.runDirectory().resolve("logs"));
        closeLater.accept(started);
        started.start(instances, Duration.ofSeconds(120));
        return started;
    }

    /** Runs the function's {@code redrive} handler once; see {@link LocalStack#redrive()}. */
    JsonNode redrive(PipelineStats stats) {
        Map<String, String> environment = tenant.environments().get(Handler.REDRIVE.handlerName());
        if (environment == null) {
            throw new IllegalStateException("the tenant stack has no redrive function");
        }
        try (FunctionPool redrive = new FunctionPool(functionSpec(tenant.functionName() + "-redrive", environment),
                awsEnvironment(region), options.runDirectory().resolve("logs"))) {
            redrive.start(1, Duration.ofSeconds(120));
            var result = redrive.invoke("{}").get(5, TimeUnit.MINUTES);
            if (result.failed()) {
                throw new IllegalStateException("redrive failed: " + result.body());
            }
            JsonNode document = JSON.readTree(result.body());
            document.path("outcomes").fields().forEachRemaining(e -> stats.recordRedriven(e.getKey(), e.getValue().asInt()));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during redrive", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("redrive did not finish", e);
        }
    }

    /** Runs the scheduled {@code silence} function once; see {@link LocalStack#checkSilence()}. */
    Optional<JsonNode> checkSilence() {
        return onDemand(Handler.SILENCE.handlerName(), tenant.functionName() + "-silence",
                "{\"source\":\"local-stack schedule\"}", "the silence check");
    }

    /**
     * Runs the scheduled {@code silence} function once with {@code {"time": time}} (the event's time, the check's
     * instant, as an EventBridge scheduled event carries it); empty when the stack has none.
     */
    Optional<JsonNode> checkSilence(Instant time) {
        return onDemand(Handler.SILENCE.handlerName(), tenant.functionName() + "-silence", timeEvent(time),
                "the silence check");
    }

    /** Runs the scheduled {@code escalation} function once with {@code {"time": time}}; empty when the stack has none. */
    Optional<JsonNode> checkEscalations(Instant time) {
        return onDemand(ESCALATION, new TenantNames(tenant.tenantId()).resource(ESCALATION), timeEvent(time),
                "the escalation check");
    }

    /** Invokes the {@code acknowledge} function synchronously; empty when the stack has none. */
    Optional<JsonNode> acknowledge(String request) {
        return onDemand(ACKNOWLEDGE, new TenantNames(tenant.tenantId()).resource(ACKNOWLEDGE), request,
                "the acknowledge function");
    }

    /** Whether the tenant stack has a function with the {@code admission} handler. */
    boolean hasAdmissions() {
        return has(ADMISSION);
    }

    /** Whether the tenant stack has a function with {@code handler} (e.g. {@code acknowledge}). */
    boolean has(String handler) {
        return tenant.environments().containsKey(handler);
    }

    /**
     * Invokes the {@code admission} function synchronously, as an operator would; empty when the stack has none.
     * The first call starts its warm instance.
     */
    Optional<JsonNode> admission(String request) {
        return onDemand(ADMISSION, new TenantNames(tenant.tenantId()).resource(ADMISSION), request,
                "the admission function");
    }

    private static String timeEvent(Instant time) {
        return JSON.createObjectNode().put("time", time.toString()).toString();
    }

    /**
     * Invokes the function with {@code handler}, which no rule invokes, synchronously and returns its answer; empty
     * when the tenant stack has no such function. Its one warm instance starts on the first call and is closed
     * with the stack.
     */
    private synchronized Optional<JsonNode> onDemand(String handler, String functionName, String request,
                                                     String what) {
        Map<String, String> environment = tenant.environments().get(handler);
        if (environment == null) {
            return Optional.empty();
        }
        try {
            FunctionPool started = onDemand.get(handler);
            if (started == null) {
                started = new FunctionPool(functionSpec(functionName, environment), awsEnvironment(region),
                        options.runDirectory().resolve("logs"));
                closeLater.accept(started);
                onDemand.put(handler, started);
                started.start(1, Duration.ofSeconds(120));
            }
            var result = started.invoke(request).get(2, TimeUnit.MINUTES);
            if (result.failed()) {
                throw new IllegalStateException(what + " failed: " + result.body());
            }
            return Optional.of(JSON.readTree(result.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + " did not answer", e);
        }
    }

    /** The fault proxy, or null when started without fault injection. */
    FaultProxy faults() {
        return faults;
    }

    /** The telemetry function's warm instances. */
    FunctionPool telemetry() {
        return pool;
    }

    /** The warm instances of the function a rule invokes, or null when no rule invokes {@code functionName}. */
    FunctionPool pool(String functionName) {
        return pools.get(functionName);
    }

    private Map<String, String> awsEnvironment(String region) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_ENDPOINT_URL", (faults != null ? faults.endpoint() : emulator).toString());
        return env;
    }
}
