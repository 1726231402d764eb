package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wardwatch.devicecerts.DeviceNames;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.localstack.ward.SimulatedDevice;
import org.wardwatch.localstack.ward.WardAdmissions;
import org.wardwatch.localstack.ward.WardSimulator;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import org.wardwatch.model.tenant.Handler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ./local-stack/run}: the whole pipeline on this machine, with a simulated ward or a replayed file. */
@Command(name = "local-stack/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs wardwatch on this machine: AWS emulator, the tenant stack from its CDK template, "
                + "an MQTT broker that authorizes like IoT Core, the topic rule and the packaged function.",
                "Prints what staff would receive, then a summary. Logs go to local-stack/.run/logs."})
public final class LocalStackCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** The start of a run left out of the steady-state latency line. */
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long the simulated ward publishes (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "31",
            description = "Simulated devices: 12 beds x (pulse oximeter, BP monitor), a cardiac monitor at bed 4, a "
                    + "thermometer, two vaccine fridges, a freezer and two rooms (one an isolation room) by default; "
                    + "more adds beds; 0 runs none. Every ICU-3 bed but bed 7 gets a patient "
                    + "(default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between two readings of one simulated device (default: ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Replay a recorded .jsonl file on a fresh tenant: one JSON line per notification on stdout, "
                    + "then a summary line (see --burden, --compare).")
    Path replay;

    @Option(names = "--burden", description = "With --replay: after the summary, a table of the alarm burden: per "
            + "place and local day, the notifications by type and severity, their total and the alerts opened.")
    boolean burden;

    @Option(names = "--compare", paramLabel = "OTHER-TENANT.json", description = "With --replay: replay the file a "
            + "second time on a fresh stack under this tenant configuration (its lines prefixed [file name]), then "
            + "both runs' alarm burden side by side and the alerts one run opened that the other did not.")
    Path compare;

    @Option(names = "--serve", description = "Keep running until Ctrl-C, serve the staff API and the ward "
            + "dashboard on http://127.0.0.1:<port> and write local-stack/.run/connection.json (devices, AWS, the API's "
            + "and the dashboard's URLs, sign-in, demo staff) "
            + "so other MQTT clients, AWS tools and API clients can use the stack.")
    boolean serve;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "2",
            description = "Warm instances of the function (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--tenant-config", paramLabel = "FILE",
            description = "Tenant configuration to synthesize (default: local-stack/tenant.json).")
    Path tenantConfig;

    @Option(names = "--seed", defaultValue = "20261125", description = "Seed of the simulated noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    LocalStackCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new LocalStackCommand(out, err));
        cli.setOut(new java.io.PrintWriter(err, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        // A bad argument is one line, not the usage (--help shows it).
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("local-stack: " + e.getMessage() + " (--help lists every option)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("local-stack: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (durationSeconds < 1 || devices < 0 || intervalSeconds < 0.05 || instances < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--duration must be >= 1, --devices >= 0, --interval >= 0.05 and --instances >= 1");
        }
        checkFiles();
        Path root = ProjectRoot.find();
        Path config = tenantConfig != null ? tenantConfig : root.resolve("local-stack/tenant.json");
        try {
            if (replay != null) {
                return replay(root, config);
            }
            try (LocalStack stack = LocalStack.start(options(root, config, false))) {
                return simulate(stack, root);
            }
        } finally {
            finished.countDown();
        }
    }

    /** Bad combinations and missing files: one line and exit code 2, before anything starts. */
    private void checkFiles() {
        String problem = null;
        if (replay == null && burden) {
            problem = "--burden needs --replay FILE";
        } else if (replay == null && compare != null) {
            problem = "--compare needs --replay FILE";
        } else if (replay != null && !Files.isRegularFile(replay)) {
            problem = "--replay: no such file: " + replay;
        } else if (compare != null && !Files.isRegularFile(compare)) {
            problem = "--compare: no such file: " + compare;
        } else if (tenantConfig != null && !Files.isRegularFile(tenantConfig)) {
            problem = "--tenant-config: no such file: " + tenantConfig;
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
    }

    private LocalStack.Options options(Path root, Path config, boolean replaying) {
        LocalStack.Options options = new LocalStack.Options(root, config, root.resolve("local-stack/.run/current"),
                instances, List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), err);
        return replaying ? options.withFunctionEnvironment(LocalStack.Options.REPLAY_ENVIRONMENT) : options;
    }

    /**
     * Replays the file under {@code config} (its ward declarations merged in); with --compare once more on a fresh
     * stack under the other configuration, its lines prefixed with that file's name; then the burden.
     */
    private int replay(Path root, Path config) throws IOException {
        List<ReplayFile.Line> lines = ReplayFile.parse(replay, tenantId(config));
        List<ReplayFile.Line> again = compare == null ? null : ReplayFile.parse(replay, tenantId(compare));
        ZoneId zone = timeZone(config);
        Replay.Result first = replayUnder(root, config, lines, "", "replay-tenant.json");
        if (compare == null) {
            if (burden) {
                out.println();
                out.println("alarm burden");
                out.print(AlarmBurden.table(List.of(AlarmBurden.of(first.notifications(), zone)), zone));
                out.flush();
            }
            return 0;
        }
        String[] labels = labels(config, compare);
        err.println("[local-stack] replaying " + replay.getFileName() + " again under " + compare);
        Replay.Result second = replayUnder(root, compare, again, "[" + labels[1] + "] ", "compare-tenant.json");
        out.println();
        out.print(BurdenComparison.report(labels[0], first.notifications(), labels[1], second.notifications(), zone));
        out.flush();
        return 0;
    }

    private Replay.Result replayUnder(Path root, Path config, List<ReplayFile.Line> lines, String prefix,
                                      String merged) {
        Path tenant = WardDeclarations.configuration(config, lines, root.resolve("local-stack/.run").resolve(merged), err);
        try (LocalStack stack = LocalStack.start(options(root, tenant, true))) {
            return Replay.run(lines, stack, out, prefix);
        }
    }

    /** The two configurations' file names, or their paths when the names are the same. */
    static String[] labels(Path first, Path second) {
        String a = String.valueOf(first.getFileName());
        String b = String.valueOf(second.getFileName());
        return a.equals(b) ? new String[] {first.toString(), second.toString()} : new String[] {a, b};
    }

    private static String tenantId(Path config) throws IOException {
        return JSON.readTree(config.toFile()).path("tenantId").asText();
    }

    /** The tenant's time zone ({@code timeZone}, UTC when absent): the local days of the alarm burden. */
    static ZoneId timeZone(Path config) throws IOException {
        String zone = JSON.readTree(config.toFile()).path("timeZone").asText("UTC");
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(config + ": timeZone: must be a time zone id such as Europe/London or UTC");
        }
    }

    /** Counted down once everything is stopped, so a Ctrl-C waits for an orderly stop. */
    private final CountDownLatch finished = new CountDownLatch(1);

    private int simulate(LocalStack stack, Path root) throws Exception {
        List<WardSimulator.Connected> connected = new ArrayList<>();
        List<SimulatedDevice> ward = SimulatedDevice.ward(devices);
        err.println("[local-stack] issuing, registering and connecting " + ward.size() + " simulated devices");
        for (SimulatedDevice device : ward) {
            LocalStack.Credentials credentials = stack.declare(new DeviceSpec(TenantId.of(stack.tenant().tenantId()),
                    ThingName.of(device.thing()), device.kind(), device.ward(), device.bed(),
                    device.storageProfile() == null ? null : DeviceNames.storageProfile(device.storageProfile()),
                    device.room(), device.isolation().code()));
            try {
                connected.add(new WardSimulator.Connected(device, stack.connect(credentials),
                        stack.tenant().telemetryTopic(device.thing())));
            } catch (DeviceConnection.RefusedException e) {
                connected.forEach(c -> c.connection().close());
                throw new IllegalStateException("simulated device " + device.thing() + " was refused by the broker");
            }
            credentialsWritten.add(credentials);
        }
        admitted = admit(stack, ward);
        if (serve) {
            stack.serveApi().ifPresent(api -> err.println("[local-stack] ward dashboard: " + api.resolve("/dashboard")
                    + " (sign in as one of connection.json's staff)"));
            Path file = writeConnectionFile(stack, root);
            err.println("[local-stack] connection details for your own clients: " + file);
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread inbox = new Thread(() -> printStaffMessages(stack, stopping), "staff-inbox");
        inbox.setDaemon(true);
        try (WardSimulator simulator = new WardSimulator(connected, Duration.ofMillis((long) (intervalSeconds * 1000)), seed)) {
            Instant started = Instant.now();
            simulator.start(Duration.ofSeconds(durationSeconds));
            inbox.start();
            // The stack's schedules run the escalation and silence checks every minute; locally every 10 s, on
            // this clock.
            java.util.concurrent.ScheduledExecutorService schedule = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "checks-schedule");
                        t.setDaemon(true);
                        return t;
                    });
            schedule.scheduleWithFixedDelay(() -> {
                try {
                    stack.checkEscalations(Instant.now());
                } catch (RuntimeException e) {
                    err.println("[local-stack] " + e.getMessage());
                }
                try {
                    stack.checkSilence();
                } catch (RuntimeException e) {
                    err.println("[local-stack] " + e.getMessage());
                }
            }, 10, 10, TimeUnit.SECONDS);
            if (serve) {
                err.println("[local-stack] serving; Ctrl-C stops everything");
                CountDownLatch interrupted = new CountDownLatch(1);
                // On Ctrl-C, let this thread stop the ward, print the summary and close everything first.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    interrupted.countDown();
                    try {
                        finished.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "local-stack-stop"));
                interrupted.await();
            } else {
                err.println("[local-stack] the ward publishes for " + durationSeconds + " s");
                Thread.sleep(durationSeconds * 1000L);
            }
            simulator.stop();
            schedule.shutdownNow();
            Duration publishing = Duration.between(started, Instant.now());
            // Devices disconnect once their last readings are acknowledged; their disconnected events are counted.
            simulator.awaitAcknowledged(Duration.ofSeconds(30));
            simulator.close();
            err.println("[local-stack] waiting for the pipeline to finish what was published");
            boolean idle = stack.rules().awaitIdle(120, TimeUnit.SECONDS);
            Thread.sleep(1500);
            stopping.set(true);
            inbox.join(5000);
            printSummary(stack, simulator, publishing, started, idle);
            return idle ? 0 : 1;
        }
    }

    private final List<LocalStack.Credentials> credentialsWritten = new ArrayList<>();
    /** The patients admitted at the start; null when the tenant stack has no admission function. */
    private List<WardAdmissions.Patient> admitted;

    /** Admits the ward's patients through the admission function; null (and one progress line) without one. */
    private List<WardAdmissions.Patient> admit(LocalStack stack, List<SimulatedDevice> ward) {
        if (ward.isEmpty()) {
            return List.of();
        }
        if (!stack.hasAdmissions()) {
            err.println("[local-stack] the tenant stack has no admission function: the ward runs without admissions");
            return null;
        }
        List<WardAdmissions.Patient> patients = WardAdmissions.of(ward);
        err.println("[local-stack] admitting " + patients.size() + " patients through the admission function ("
                + WardAdmissions.WARD + " bed " + WardAdmissions.EMPTY_BED + " stays empty)");
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        for (WardAdmissions.Patient patient : patients) {
            JsonNode response = stack.admission(patient.request(now)).orElseThrow();
            if (response.has("error")) {
                throw new IllegalStateException("admitting a patient to " + patient.ward() + " bed " + patient.bed()
                        + ": " + response.path("message").asText(response.path("error").asText()));
            }
        }
        return patients;
    }

    /** "11 patients (ICU-3 bed 7 empty)", or why there are none. */
    static String admissions(List<WardAdmissions.Patient> admitted, List<SimulatedDevice> ward) {
        if (admitted == null) {
            return "none (the tenant stack has no admission function)";
        }
        boolean emptyBed = ward.stream().anyMatch(d -> WardAdmissions.WARD.equals(d.ward())
                && WardAdmissions.EMPTY_BED.equals(d.bed()));
        return admitted.size() + " patients" + (emptyBed ? " (" + WardAdmissions.WARD + " bed "
                + WardAdmissions.EMPTY_BED + " empty)" : "");
    }

    private void printStaffMessages(LocalStack stack, AtomicBoolean stopping) {
        while (!stopping.get()) {
            // Long polling (1 s at most, so a stop is noticed): a notification is read as it arrives.
            for (LocalStack.StaffMessage m : stack.drainStaffInbox(1)) {
                JsonNode alert = m.document();
                Instant deviceTime = Instant.parse(alert.path("deviceTime").asText());
                stack.stats().recordNotificationLatency(m.readAtMillis() - deviceTime.toEpochMilli());
                String time = LocalTime.now(ZoneId.systemDefault()).format(CLOCK);
                out.println(time + "  SMS    " + alert.path("sms").asText());
                out.println(time + "  e-mail " + alert.path("emailSubject").asText());
            }
        }
    }

    private void printSummary(LocalStack stack, WardSimulator simulator, Duration publishing, Instant started,
                              boolean idle) {
        PipelineStats s = stack.stats();
        double seconds = Math.max(0.001, publishing.toMillis() / 1000.0);
        double processing = Math.max(0.001, (s.lastResultAtMillis.get() - started.toEpochMilli()) / 1000.0);
        out.println();
        out.println("wardwatch local stack: " + simulator.sent.get() + " messages from " + devices
                + " devices in " + String.format(Locale.ROOT, "%.0f", seconds) + " s");
        row("messages published", simulator.sent.get() + " (acknowledged " + simulator.acknowledged.get()
                + ", refused " + simulator.refused.get() + ")");
        row("messages processed", Long.toString(s.messages.get()));
        row("readings stored", Long.toString(s.readingsStored.get()));
        row("readings rejected", Long.toString(s.readingsRejected.get()));
        row("readings too old", Long.toString(s.readingsLate.get()) + " (stored, changed no alert)");
        row("messages rejected", Long.toString(s.messagesRejected.get()));
        if (!s.rejectedByReason().isEmpty()) {
            row("rejections by reason", s.rejectedByReason().toString());
        }
        row("duplicates", Long.toString(s.duplicates.get()));
        row("notifications to staff", Integer.toString(s.notificationLatencies().size()));
        row("dead letters", Integer.toString(stack.deadLetters()));
        row("function retries", Long.toString(s.retries.get()));
        long stored = s.messages.get() - s.messagesRejected.get() - s.duplicates.get();
        long accounted = stored + s.messagesRejected.get() + s.duplicates.get() + s.deadLetters.get();
        row("accounted for", accounted + " of " + s.published.get() + " (stored " + stored + ", quarantined "
                + s.messagesRejected.get() + ", duplicates " + s.duplicates.get() + ", dead-lettered "
                + s.deadLetters.get() + ")" + (accounted == s.published.get() ? "" : "  <-- MISSING"));
        if (!simulator.devices().isEmpty()) {
            row("admissions", admissions(admitted, simulator.devices().stream().map(WardSimulator.Connected::device)
                    .toList()));
        }
        s.events().forEach((handler, counts) -> {
            if (counts.delivered.get() > 0) {
                row(handler + " events", events(handler, counts));
            }
        });
        for (WardSimulator.Connected c : simulator.devices()) {
            if (c.device().room() != null) {
                row(c.device().ward() + " room " + c.device().room(), roomFigures(c.device(), simulator));
            }
        }
        row("publish -> stored", latency(s.storedLatencies()));
        row("publish -> notification", latency(s.notificationLatencies()));
        if (publishing.toSeconds() >= 2 * WARM_UP.toSeconds()) {
            // The first seconds are the JIT compiling the functions and the broker: the steady state without them.
            long steady = started.plus(WARM_UP).toEpochMilli();
            row("after the first " + WARM_UP.toSeconds() + " s", "stored " + latency(s.storedLatenciesPublishedFrom(steady))
                    + "; notification " + latency(s.notificationLatenciesPublishedFrom(steady)));
        }
        row("published", String.format(Locale.ROOT, "%.1f messages/s", simulator.sent.get() / seconds));
        row("processed", String.format(Locale.ROOT, "%.1f messages/s, %.1f readings/s stored (until the last result)",
                s.messages.get() / processing, s.readingsStored.get() / processing));
        if (!idle) {
            row("WARNING", "the pipeline had not finished within 120 s of the end");
        }
    }

    /** A room's last readings as published, e.g. "negative isolation: -5.9 Pa, 22.1 Cel, 45 %, 652 [ppm], 8 ug/m3". */
    static String roomFigures(SimulatedDevice room, WardSimulator simulator) {
        String label = room.isolation().isolated() ? room.isolation().code() + " isolation" : "no isolation";
        return simulator.latestReadings(room.thing()).map(readings -> {
            try {
                List<String> figures = new ArrayList<>();
                for (JsonNode r : JSON.readTree("[" + readings + "]")) {
                    figures.add(r.path("value").asText() + " " + r.path("unit").asText());
                }
                return label + ", last: " + String.join(", ", figures);
            } catch (IOException e) {
                return label;
            }
        }).orElse(label + ", no reading published");
    }

    /** "56 (RECORDED 54, STALE 0, DUPLICATE 2, QUARANTINED 0, dead-lettered 0)": what the function answered. */
    static String events(String handler, PipelineStats.EventCounts counts) {
        java.util.Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
        if (handler.equals(Handler.PRESENCE.handlerName())) {
            for (String outcome : List.of("RECORDED", "STALE", "DUPLICATE", "QUARANTINED")) {
                outcomes.put(outcome, 0L);
            }
        }
        outcomes.putAll(counts.outcomes());
        StringBuilder text = new StringBuilder().append(counts.delivered.get()).append(" (");
        outcomes.forEach((outcome, n) -> text.append(outcome).append(' ').append(n).append(", "));
        return text.append("dead-lettered ").append(counts.deadLettered.get()).append(')').toString();
    }

    private void row(String label, String value) {
        out.println(String.format(Locale.ROOT, "  %-24s %s", label, value).stripTrailing());
    }

    private static String latency(List<Long> values) {
        if (values.isEmpty()) {
            return "none";
        }
        return "p50 " + PipelineStats.percentile(values, 50) + " ms, p99 " + PipelineStats.percentile(values, 99)
                + " ms (" + values.size() + " samples)";
    }

    private Path writeConnectionFile(LocalStack stack, Path root) throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode broker = doc.putObject("broker");
        broker.put("host", stack.broker().host());
        broker.put("port", stack.broker().port());
        broker.put("caFile", stack.brokerTls().brokerCaPem().toString());
        doc.put("tenant", stack.tenant().tenantId());
        ArrayNode list = doc.putArray("devices");
        for (LocalStack.Credentials c : credentialsWritten) {
            ObjectNode d = list.addObject();
            d.put("thing", c.thing());
            d.put("clientId", c.thing());
            d.put("topic", stack.tenant().telemetryTopic(c.thing()));
            d.put("certificateFile", c.certificate().toString());
            d.put("keyFile", c.key().toString());
        }
        ObjectNode aws = doc.putObject("aws");
        aws.put("endpoint", stack.emulatorEndpoint().toString());
        aws.put("region", stack.tenant().region());
        aws.put("accessKeyId", "testing");
        aws.put("secretAccessKey", "testing");
        aws.put("readingsTable", stack.tenant().readingsTable());
        aws.put("quarantineTable", stack.tenant().quarantineTable());
        aws.put("devicesTable", stack.tenant().devicesTable());
        aws.put("alertTopicArn", stack.tenant().alertTopicArn());
        aws.put("staffQueueUrl", stack.tenant().staffQueueUrl());
        aws.put("ruleErrorQueueUrl", stack.tenant().ruleErrorQueueUrl());
        aws.put("onFailureQueueUrl", stack.tenant().onFailureQueueUrl());
        aws.put("tenantCertificates", stack.files().dir().getParent().toString());
        signIn(doc, stack);
        stack.apiUrl().ifPresent(url -> doc.putObject("dashboard").put("url", url.resolve("/dashboard").toString()));
        Path file = root.resolve("local-stack/.run/connection.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        return file;
    }

    /**
     * The staff sign-in part of connection.json, when the tenant has a staff pool: {@code api} (the staff API's
     * local URL once {@link LocalStack#serveApi()} serves it, region, user pool, the dashboard's app client, the
     * emulator's Cognito endpoint and the tokens' issuer) and {@code staff}, the demo users created for this run
     * with their passwords, groups and wards.
     */
    static void signIn(ObjectNode doc, LocalStack stack) {
        stack.tenant().staffPool().ifPresent(pool -> {
            ObjectNode api = doc.putObject("api");
            stack.apiUrl().ifPresent(url -> api.put("url", url.toString()));
            api.put("region", pool.region());
            api.put("userPoolId", pool.userPoolId());
            api.put("clientId", pool.clientId());
            api.put("cognitoEndpoint", stack.emulatorEndpoint().toString());
            api.put("issuer", pool.issuer());
            doc.set("staff", stack.createDemoStaff().orElseThrow().toJson());
        });
    }
}
