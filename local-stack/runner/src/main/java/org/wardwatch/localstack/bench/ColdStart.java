package org.wardwatch.localstack.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.wardwatch.emulator.MotoInstallation;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.lambda.FunctionPool;
import org.wardwatch.localstack.lambda.FunctionSpec;
import org.wardwatch.localstack.lambda.InvocationResult;

/**
 * Cold start of the packaged telemetry function, as the local stack runs it (function.zip under AWS's Runtime
 * Interface Client, against moto): from starting the process to the first response, for a real two-reading
 * message that is stored (8 DynamoDB calls). Variants run interleaved, after one discarded round: the default
 * JVM, C1 only, the deployed configuration (the {@code JAVA_TOOL_OPTIONS} of the template the infra app
 * synthesizes, see {@link DeployedConfiguration}), the same with the event sent only after the instance initialised
 * and primed its clients (what a SnapStart restore leaves to do, without the restore), AppCDS trained on real
 * invocations, and where a JDK 25 is given its AOT cache. {@code --baseline ZIP} runs the uncached variants on an older function.zip as well, in the same
 * rounds (before/after a change). Then the warm invocation time ({@link WarmInvocations}). A benchmark, not a test:
 * it prints figures and asserts nothing but that the function answered.
 *
 * <pre>local-stack/bench-cold-start [--runs 5] [--warm-samples 200] [--jdk25 DIR|none] [--skip-warm] [--skip-cold]
 *     [--variants default,jarred,c1,deployed,after-init,appcds,appcds-c1,jdk25,aot,aot-c1] [--baseline OLD-function.zip]
 *     [--jvm-options "-Xlog:..."]</pre>
 */
public final class ColdStart {

    private static final String DEFAULT_JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";
    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final List<String> ALL_VARIANTS = List.of("default", "jarred", "c1", "deployed", "after-init",
            "appcds", "appcds-c1", "jdk25", "aot", "aot-c1");

    /**
     * One way to start the function: which build, which JDK, which class path, options and environment; and whether
     * the event waits until the instance has initialised and gone quiet (the part of a SnapStart cold start that
     * follows the restore) instead of being queued before the process starts.
     */
    record Variant(String name, FunctionLaunch launch, Path javaHome, boolean jarred, List<String> options,
                   Map<String, String> environment, boolean afterInit) {

        Variant(String name, FunctionLaunch launch, Path javaHome, boolean jarred, List<String> options,
                Map<String, String> environment) {
            this(name, launch, javaHome, jarred, options, environment, false);
        }
    }

    private final BenchTenant tenant;
    private final FunctionLaunch launch;
    private final Path work;
    private final PrintStream out;

    private ColdStart(BenchTenant tenant, FunctionLaunch launch, Path work, PrintStream out) {
        this.tenant = tenant;
        this.launch = launch;
        this.work = work;
        this.out = out;
    }

    /** The options local-stack/bench-cold-start documents; anything else is refused. */
    private static final List<String> OPTIONS = List.of("runs", "warm-samples", "jdk25", "skip-cold", "skip-warm",
            "variants", "baseline", "jvm-options");

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        int runs;
        int warmSamples;
        List<String> selected;
        try {
            options = options(args);
            runs = positive(options, "runs", 5);
            warmSamples = positive(options, "warm-samples", 200);
            selected = List.of(options.getOrDefault("variants", String.join(",", ALL_VARIANTS)).split(","));
            selected.stream().filter(v -> !ALL_VARIANTS.contains(v)).findFirst().ifPresent(v -> {
                throw new IllegalArgumentException("unknown variant " + v + "; known: " + ALL_VARIANTS);
            });
        } catch (IllegalArgumentException e) {
            System.err.println("bench-cold-start: " + e.getMessage() + " (local-stack/bench-cold-start --help)");
            System.exit(2);
            return;
        }
        String jdk25Option = options.getOrDefault("jdk25", DEFAULT_JDK25);
        Path jdk25 = jdk25Option.equals("none") || !Files.isExecutable(Path.of(jdk25Option, "bin", "java"))
                ? null : Path.of(jdk25Option);
        List<String> extraOptions = options.containsKey("jvm-options")
                ? List.of(options.get("jvm-options").trim().split("\\s+")) : List.of();

        Path root = ProjectRoot.find();
        Path work = root.resolve("local-stack/.run/bench");
        Path functionZip = root.resolve("functions/target/function.zip");
        Path runtimeClient = Path.of(System.getProperty("wardwatch.lambdaRuntime",
                root.resolve("local-stack/runner/target/lambda-runtime").toString()));
        PrintStream out = System.out;
        out.printf("cold start and warm invocations of functions/target/function.zip, %s%n", Instant.now());
        out.printf("machine: %d cores, %s %s; JDK %s (%s)%s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version(),
                System.getProperty("java.home"), jdk25 == null ? "; no JDK 25" : "; JDK 25: " + jdk25);
        DeployedConfiguration deployed = null;
        if (!options.containsKey("skip-cold") && (selected.contains("deployed") || selected.contains("after-init"))) {
            deployed = DeployedConfiguration.synthesize(root, functionZip, work);
            out.printf("deployed configuration (template of local-stack/tenant.json): runtime %s, SnapStart %s "
                            + "(not emulated here), JAVA_TOOL_OPTIONS=\"%s\"%n", deployed.runtime(),
                    deployed.snapStart() ? "on published versions" : "off", deployed.javaToolOptions());
        }
        try (MotoServer moto = MotoServer.start(MotoInstallation.forProject(root));
             BenchTenant tenant = new BenchTenant(moto.endpoint())) {
            FunctionLaunch launch = new FunctionLaunch(functionZip, runtimeClient, work);
            FunctionLaunch baseline = options.containsKey("baseline")
                    ? new FunctionLaunch(Path.of(options.get("baseline")), runtimeClient, work.resolve("baseline"))
                    : null;
            ColdStart bench = new ColdStart(tenant, launch, work, out);
            if (!options.containsKey("skip-cold")) {
                bench.coldStarts(runs, jdk25, selected, deployed, baseline, extraOptions);
            }
            if (!options.containsKey("skip-warm")) {
                new WarmInvocations(tenant, out).run(launch.spec(tenant, null, false, List.of()), warmSamples,
                        work.resolve("logs"));
            }
        }
    }

    private void coldStarts(int runs, Path jdk25, List<String> selected, DeployedConfiguration deployed,
                            FunctionLaunch baseline, List<String> extraOptions) throws Exception {
        int feature = Runtime.version().feature();
        Path appCds = work.resolve("app.jsa");
        Path aotCache = work.resolve("app.aot");
        List<Variant> variants = new ArrayList<>();
        // the uncached variants, for this build and the baseline's
        for (FunctionLaunch build : baseline == null ? List.of(launch) : List.of(baseline, launch)) {
            String prefix = baseline == null ? "" : build == baseline ? "before: " : "after: ";
            if (selected.contains("default")) {
                variants.add(new Variant(prefix + "JDK " + feature + " default", build, null, false, List.of(), Map.of()));
            }
            if (selected.contains("jarred")) {
                variants.add(new Variant(prefix + "JDK " + feature + " default, classes jarred", build, null, true,
                        List.of(), Map.of()));
            }
            if (selected.contains("c1")) {
                variants.add(new Variant(prefix + "JDK " + feature + " C1 (TieredStopAtLevel=1)", build, null, false,
                        List.of(C1), Map.of()));
            }
            if (deployed != null) {
                // the managed runtime's JDK when this machine has it, else the benchmark's own (said in the name)
                boolean on25 = deployed.javaFeature() == 25 && jdk25 != null;
                int runsOn = on25 ? 25 : feature;
                Map<String, String> environment = deployed.javaToolOptions().isEmpty() ? Map.of()
                        : Map.of("JAVA_TOOL_OPTIONS", deployed.javaToolOptions());
                if (selected.contains("deployed")) {
                    variants.add(new Variant(prefix + "deployed (" + deployed.runtime() + " options, JDK " + runsOn
                            + ")", build, on25 ? jdk25 : null, false, List.of(), environment));
                }
                if (selected.contains("after-init")) {
                    variants.add(new Variant(prefix + "deployed, event after init", build, on25 ? jdk25 : null,
                            false, List.of(), environment, true));
                }
            }
        }
        if (selected.contains("appcds") || selected.contains("appcds-c1")) {
            out.println("training AppCDS on real invocations (-XX:ArchiveClassesAtExit)");
            train(null, "-XX:ArchiveClassesAtExit=" + appCds, appCds);
        }
        if (selected.contains("appcds")) {
            variants.add(new Variant("JDK " + feature + " AppCDS", launch, null, true,
                    List.of("-XX:SharedArchiveFile=" + appCds), Map.of()));
        }
        if (selected.contains("appcds-c1")) {
            variants.add(new Variant("JDK " + feature + " AppCDS + C1", launch, null, true,
                    List.of("-XX:SharedArchiveFile=" + appCds, C1), Map.of()));
        }
        if (jdk25 != null) {
            if (selected.contains("jdk25")) {
                variants.add(new Variant("JDK 25 default", launch, jdk25, false, List.of(), Map.of()));
            }
            if (selected.contains("aot") || selected.contains("aot-c1")) {
                out.println("training the JDK 25 AOT cache on real invocations (-XX:AOTCacheOutput)");
                train(jdk25, "-XX:AOTCacheOutput=" + aotCache, aotCache);
            }
            if (selected.contains("aot")) {
                variants.add(new Variant("JDK 25 AOT cache", launch, jdk25, true, List.of("-XX:AOTCache=" + aotCache),
                        Map.of()));
            }
            if (selected.contains("aot-c1")) {
                variants.add(new Variant("JDK 25 AOT cache + C1", launch, jdk25, true,
                        List.of("-XX:AOTCache=" + aotCache, C1), Map.of()));
            }
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variant selected");
        }

        Map<Variant, List<double[]>> samples = new LinkedHashMap<>();
        variants.forEach(v -> samples.put(v, new ArrayList<>()));
        for (int round = 0; round <= runs; round++) {
            out.printf(round == 0 ? "round 0 (discarded: page cache, the runner's own warm-up)%n" : "round %d/%d%n",
                    round, runs);
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get((i + round) % variants.size());
                double[] sample = measure(variant, extraOptions);
                out.printf("  %-44s %6.0f ms (CPU %5.0f ms), 2nd invoke %4.0f ms%n", variant.name(), sample[0],
                        sample[2], sample[1]);
                if (round > 0) {
                    samples.get(variant).add(sample);
                }
            }
        }
        printTable(samples);
    }

    /** Start to first response, the second invocation's time, and the CPU time to the first response, in ms. */
    private double[] measure(Variant variant, List<String> extraOptions) throws Exception {
        List<String> options = new ArrayList<>(variant.options());
        options.addAll(extraOptions);
        FunctionSpec spec = variant.launch().spec(tenant, variant.javaHome(), variant.jarred(), options,
                variant.environment());
        try (FunctionPool pool = new FunctionPool(spec, tenant.awsEnvironment(), work.resolve("logs"))) {
            if (variant.afterInit()) {
                return afterInit(pool, variant, extraOptions);
            }
            // queued before the process exists: the runtime's first poll takes it
            CompletableFuture<InvocationResult> first = pool.invoke(tenant.twoReadings());
            // the time first, then the process's CPU time so far (user + system, all its threads)
            CompletableFuture<long[]> answeredAt = first.thenApply(r -> new long[] {System.nanoTime(), functionCpuNanos()});
            long start = System.nanoTime();
            pool.start(1, Duration.ofSeconds(120));
            expectAccepted(first.get(2, TimeUnit.MINUTES), variant.name());
            double cold = (answeredAt.get()[0] - start) / 1e6;
            double cpu = answeredAt.get()[1] / 1e6;
            long second = System.nanoTime();
            expectAccepted(pool.invoke(tenant.twoReadings()).get(2, TimeUnit.MINUTES), variant.name());
            double[] sample = {cold, (System.nanoTime() - second) / 1e6, cpu};
            if (!extraOptions.isEmpty()) {
                stopGracefully(); // so that a flight recording or -Xlog file is complete
            }
            return sample;
        }
    }

    /**
     * The first event sent only once the instance has initialised (its first poll) and its CPU use has settled (the
     * priming thread done; before a SnapStart snapshot, ClientPriming waits for it), timed from invoke to response:
     * what a restored SnapStart instance still does, without the restore itself. The CPU figure is the process's
     * CPU time during that invocation.
     */
    private double[] afterInit(FunctionPool pool, Variant variant, List<String> extraOptions) throws Exception {
        pool.start(1, Duration.ofSeconds(120));
        long cpu = functionCpuNanos();
        for (int quiet = 0, i = 0; quiet < 2 && i < 100; i++) { // two quiet 200 ms periods, at most 20 s
            Thread.sleep(200);
            long now = functionCpuNanos();
            quiet = now - cpu < 10_000_000 ? quiet + 1 : 0;
            cpu = now;
        }
        long start = System.nanoTime();
        CompletableFuture<InvocationResult> first = pool.invoke(tenant.twoReadings());
        CompletableFuture<long[]> answeredAt = first.thenApply(r -> new long[] {System.nanoTime(), functionCpuNanos()});
        expectAccepted(first.get(2, TimeUnit.MINUTES), variant.name());
        double firstMs = (answeredAt.get()[0] - start) / 1e6;
        double cpuMs = (answeredAt.get()[1] - cpu) / 1e6;
        long second = System.nanoTime();
        expectAccepted(pool.invoke(tenant.twoReadings()).get(2, TimeUnit.MINUTES), variant.name());
        double[] sample = {firstMs, (System.nanoTime() - second) / 1e6, cpuMs};
        if (!extraOptions.isEmpty()) {
            stopGracefully();
        }
        return sample;
    }

    /** CPU time the function process has used so far; -1 if the platform does not tell. */
    private static long functionCpuNanos() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("/bin/java"))
                .findFirst().flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /** Ends the function process with SIGTERM, so that the JVM exits normally (and writes its archive or recording). */
    private static void stopGracefully() throws Exception {
        // the only java child: moto server is a Python process
        ProcessHandle function = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("/bin/java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("the function process is gone"));
        function.destroy();
        function.onExit().get(5, TimeUnit.MINUTES);
    }

    /**
     * A training run serving every kind of message (stored, alerting, rejected, duplicate), stopped with SIGTERM so
     * that the JVM exits normally and writes its archive.
     */
    private void train(Path javaHome, String option, Path archive) throws Exception {
        Files.deleteIfExists(archive);
        FunctionSpec spec = launch.spec(tenant, javaHome, true, List.of(option));
        try (FunctionPool pool = new FunctionPool(spec, tenant.awsEnvironment(), work.resolve("logs"))) {
            pool.start(1, Duration.ofSeconds(120));
            List<Supplier<String>> kinds = List.of(tenant::twoReadings, tenant::oneReading,
                    tenant::twoReadingsWithAlert, tenant::rejected);
            String last = null;
            for (int i = 0; i < 12; i++) {
                last = kinds.get(i % kinds.size()).get();
                expectAnswered(pool.invoke(last).get(2, TimeUnit.MINUTES), "training");
            }
            expectAnswered(pool.invoke(last).get(2, TimeUnit.MINUTES), "training"); // a duplicate
            stopGracefully();
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (!Files.isRegularFile(archive) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no " + archive + "; see " + work.resolve("logs"));
        }
        out.printf("  %s: %.1f MB%n", archive.getFileName(), Files.size(archive) / 1e6);
    }

    private static void expectAnswered(InvocationResult result, String variant) {
        if (result.failed()) {
            throw new IllegalStateException(variant + ": the function failed: " + result.body());
        }
    }

    private static void expectAccepted(InvocationResult result, String variant) {
        if (result.failed() || !result.body().contains("\"ACCEPTED\"")) {
            throw new IllegalStateException(variant + ": the function did not store the message: " + result.body());
        }
    }

    private void printTable(Map<Variant, List<double[]>> samples) {
        double baseline = Stats.median(samples.values().iterator().next().stream().mapToDouble(s -> s[0]).toArray());
        out.println();
        out.println("process start -> first response (ms), two-reading message stored in moto; CPU ms: the function "
                + "process's CPU time (user + system) to its first response, median. \"event after init\": invoke "
                + "-> first response once the instance initialised, and the CPU time of that invocation");
        out.printf("%-44s %4s %8s %8s %8s %9s %9s %12s%n", "variant", "runs", "median", "min", "max", "vs first",
                "CPU ms", "2nd invoke");
        samples.forEach((variant, list) -> {
            double[] cold = list.stream().mapToDouble(s -> s[0]).toArray();
            double[] second = list.stream().mapToDouble(s -> s[1]).toArray();
            double[] cpu = list.stream().mapToDouble(s -> s[2]).toArray();
            double median = Stats.median(cold);
            out.printf("%-44s %4d %8.0f %8.0f %8.0f %9.2f %9.0f %12.0f%n", variant.name(), cold.length, median,
                    Stats.min(cold), Stats.max(cold), median / baseline, Stats.median(cpu), Stats.median(second));
        });
        out.println();
    }

    private static int positive(Map<String, String> options, String name, int otherwise) {
        String value = options.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--" + name + " takes a whole number of at least 1, not " + value);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (name.startsWith("skip-")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }
}
