package org.wardwatch.localstack.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment: a JVM running the function under AWS's Runtime Interface Client, polling its own
 * Runtime API server. Like a Lambda sandbox it is thrown away when it times out or dies.
 */
final class FunctionInstance implements AutoCloseable {

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    final int number;
    private final RuntimeApiServer api;
    private final Process process;
    private volatile String initError;

    FunctionInstance(int number, FunctionSpec spec, BlockingQueue<Invocation> queue, Map<String, String> awsEnvironment,
                     Path log, java.util.function.BiConsumer<String, Long> onHandout,
                     java.util.function.Predicate<String> crashOn) throws IOException {
        this.number = number;
        String arn = "arn:aws:lambda:" + awsEnvironment.getOrDefault("AWS_REGION", "eu-west-2")
                + ":000000000000:function:" + spec.name();
        this.api = new RuntimeApiServer(queue, arn, error -> initError = error, invocation -> {
            onHandout.accept(invocation.event, pid());
            if (crashOn.test(invocation.event)) {
                crashNow();
            }
        });
        List<String> command = new ArrayList<>();
        Path javaHome = spec.javaHome() != null ? spec.javaHome() : Path.of(System.getProperty("java.home"));
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-Xmx" + Math.max(128, spec.memoryMb() * 3 / 4) + "m");
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(classpath(spec));
        command.add(RIC_MAIN);
        command.add(spec.handler());
        ProcessBuilder builder = new ProcessBuilder(command).directory(spec.codeDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("WARDWATCH_") || k.startsWith("QUARKUS_"));
        Map<String, String> lambdaEnv = new LinkedHashMap<>(awsEnvironment);
        lambdaEnv.put("AWS_LAMBDA_RUNTIME_API", api.address());
        lambdaEnv.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        lambdaEnv.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        lambdaEnv.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        lambdaEnv.put("LAMBDA_TASK_ROOT", spec.codeDirectory().toString());
        lambdaEnv.put("_HANDLER", spec.handler());
        lambdaEnv.putAll(spec.environment());
        env.putAll(lambdaEnv);
        this.process = builder.start();
    }

    private static String classpath(FunctionSpec spec) {
        if (spec.classpath() != null) {
            return String.join(File.pathSeparator, spec.classpath().stream().map(Path::toString).toList());
        }
        List<String> entries = new ArrayList<>();
        entries.add(spec.codeDirectory().toString());
        entries.add(spec.codeDirectory().resolve("lib").toString() + File.separator + "*");
        spec.runtimeClasspath().forEach(p -> entries.add(p.toString()));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Fault injection: the process dies as it is given the invocation, before it can act on it. Deterministic on
     * purpose: a kill at a random moment part-way through can fall in the one round trip between an alert's publish
     * and its marking, where a retry publishes it again (functions/README.md, "Round trips": at least once, by
     * choice); the functions' own tests crash them at each step instead ({@code AlertOutboxRetryTest}).
     */
    private void crashNow() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    boolean ready() {
        return api.ready();
    }

    String initError() {
        return initError;
    }

    RuntimeApiServer api() {
        return api;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the process and its API, failing whatever it held with {@code reason}. */
    void kill(String errorType, String message) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        api.held().values().forEach(inv -> inv.result.complete(InvocationResult.failure(inv.requestId, errorType,
                "{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + message + "\"}")));
        api.held().clear();
    }

    @Override
    public void close() {
        kill("Runtime.Shutdown", "the local stack is stopping");
    }
}
