package org.wardwatch.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.wardwatch.devicecerts.CaRegistration;
import org.wardwatch.devicecerts.DeviceIdentity;
import org.wardwatch.devicecerts.DeviceRegistry;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.IotRegistrar;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.devicecerts.StoredDevice;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.devicecerts.Validity;
import org.wardwatch.emulator.MotoInstallation;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.localstack.broker.BrokerTls;
import org.wardwatch.localstack.broker.IotBroker;
import org.wardwatch.localstack.broker.IotRegistryView;
import org.wardwatch.localstack.broker.PublishListener;
import org.wardwatch.localstack.faults.FaultProxy;
import org.wardwatch.localstack.lambda.AsyncInvoker;
import org.wardwatch.localstack.lambda.FunctionCode;
import org.wardwatch.localstack.lambda.FunctionPool;
import org.wardwatch.localstack.lambda.FunctionSpec;
import org.wardwatch.localstack.rules.RuleAccounting;
import org.wardwatch.localstack.rules.RulesEngine;
import org.wardwatch.localstack.rules.TopicRule;
import org.wardwatch.localstack.tenant.LocalTenant;
import org.wardwatch.localstack.tenant.TemplateProvisioner;
import org.wardwatch.localstack.tenant.TenantRule;
import org.wardwatch.localstack.tenant.TenantSynth;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.tenant.Handler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole pipeline on one machine: moto server, the tenant stack created from its synthesized CDK template, the
 * tenant CA and devices registered through device-certs, the packaged functions under the Lambda runtime client,
 * the topic rules, and HiveMQ as IoT Core's data plane (with its lifecycle events). Started once, used by the
 * command and by the tests.
 */
public final class LocalStack implements AutoCloseable {

    /** moto's account: the tenant configuration must name it, or the IoT policy's ARNs match nothing. */
    public static final String EMULATED_ACCOUNT = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param runDirectory per-run state (certificates, broker files, logs), emptied at start
     * @param retryDelays the waits before Lambda's asynchronous retries (AWS: about 1 and 2 minutes)
     * @param faultInjection puts a {@link FaultProxy} between the functions and the emulator (tests)
     * @param functionTimeout overrides the timeout of the rules' functions when not null (tests)
     * @param template a tenant template to create instead of synthesizing {@code tenantConfig}'s; null to
     *                 synthesize
     */
    public record Options(Path root, Path tenantConfig, Path runDirectory, int functionInstances,
                          List<Duration> retryDelays, PrintStream progress, boolean faultInjection,
                          Duration functionTimeout, Path template) {

        public Options(Path root, Path tenantConfig, Path runDirectory, int functionInstances,
                       List<Duration> retryDelays, PrintStream progress) {
            this(root, tenantConfig, runDirectory, functionInstances, retryDelays, progress, false, null, null);
        }

        public Options(Path root, Path tenantConfig, Path runDirectory, int functionInstances,
                       List<Duration> retryDelays, PrintStream progress, boolean faultInjection,
                       Duration functionTimeout) {
            this(root, tenantConfig, runDirectory, functionInstances, retryDelays, progress, faultInjection,
                    functionTimeout, null);
        }
    }

    /** A declared device's files and its certificate's id in the IoT registry. */
    public record Credentials(String thing, Path certificate, Path key, String certificateId) {
    }

    /** One message from the staff inbox: the alert's default JSON document and when it was read. */
    public record StaffMessage(JsonNode document, long readAtMillis) {
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Options options;
    private final PipelineStats stats = new PipelineStats();
    private MotoServer moto;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private IotClient iot;
    private LocalTenant tenant;
    private TenantFiles files;
    private TenantCa ca;
    private CaRegistration caRegistration;
    private IotRegistrar registrar;
    private FunctionPool pool;
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private final List<PublishListener> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private RulesEngine rules;
    private BrokerTls tls;
    private IotBroker broker;
    private FaultProxy faults;
    private FunctionPool silencePool;
    private Path code;
    private List<Path> ric;
    private String region;

    private LocalStack(Options options) {
        this.options = options;
    }

    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot() {
        JsonNode config = readConfig(options.tenantConfig());
        region = config.path("region").asText();
        if (!EMULATED_ACCOUNT.equals(config.path("account").asText())) {
            throw new IllegalArgumentException(options.tenantConfig() + ": account must be " + EMULATED_ACCOUNT
                    + " (moto's) for the local stack");
        }
        Path run = clean(options.runDirectory());
        Path zip = options.root().resolve("functions/target/function.zip");

        step("starting the AWS emulator (moto server)");
        moto = MotoServer.start(MotoInstallation.forProject(options.root()));
        resources.add(moto);
        dynamo = client(DynamoDbClient.builder(), region);
        sqs = client(SqsClient.builder(), region);
        iot = client(IotClient.builder(), region);
        SnsClient sns = client(SnsClient.builder(), region);
        resources.add(dynamo);
        resources.add(sqs);
        resources.add(iot);
        resources.add(sns);

        Path template = options.template();
        if (template == null) {
            step("synthesizing the tenant stack with the infra CDK app");
            template = TenantSynth.template(options.root(), options.tenantConfig(), zip,
                    options.root().resolve("local-stack/.run/synth"));
        }
        step("creating the tenant's tables, topics, queues and IoT policy from " + template.getFileName());
        tenant = new TemplateProvisioner(dynamo, sns, sqs, iot).provision(template, region, EMULATED_ACCOUNT);

        step("creating and registering the tenant CA (device-certs)");
        TenantId tenantId = TenantId.of(tenant.tenantId());
        files = new TenantFiles(run.resolve("certs"), tenantId);
        ca = TenantCa.create(tenantId, KeyType.EC, Validity.days(365));
        files.saveCa(ca, null);
        registrar = new IotRegistrar(iot, new DeviceRegistry(dynamo, tenant.devicesTable()));
        caRegistration = registrar.ensureCa(ca.certificate(), () -> ca);

        Path ricDir = Path.of(System.getProperty("wardwatch.lambdaRuntime",
                options.root().resolve("local-stack/runner/target/lambda-runtime").toString()));
        ric = FunctionCode.runtimeClient(ricDir);
        code = FunctionCode.unpack(zip, run.resolve("task"));
        if (options.faultInjection()) {
            try {
                faults = new FaultProxy(moto.endpoint());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            resources.add(faults);
        }
        startRuleFunctions();
        rules = new RulesEngine(tenant.rules().stream().map(this::rule).toList());
        PublishListener delivery = (clientId, topic, payload, receivedAt) -> {
            rules.onPublish(clientId, topic, payload, receivedAt);
            observers.forEach(o -> o.onPublish(clientId, topic, payload, receivedAt));
        };

        step("starting the MQTT broker (HiveMQ CE, mutual TLS, IoT Core authorization)");
        tls = BrokerTls.create(run.resolve("broker"), List.of(ca.certificate()));
        broker = IotBroker.start(run.resolve("broker"), tls, new IotRegistryView(iot), delivery);
        resources.add(broker);
        // Closed before the broker: its own shutdown disconnects are not run through the stopping functions.
        resources.add(rules);
        step("ready: mqtts://" + broker.host() + ":" + broker.port() + ", AWS emulator " + moto.endpoint());
    }

    /**
     * Starts the function each rule invokes, all at once: the telemetry function with {@code functionInstances}
     * warm instances, any other rule's function (presence) with one; a function two rules invoke runs once.
     */
    private void startRuleFunctions() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (TenantRule rule : tenant.rules()) {
            TenantRule.Target target = rule.target();
            int size = target.handlerName().equals(Handler.TELEMETRY.handlerName()) ? options.functionInstances() : 1;
            sizes.merge(target.functionName(), size, Math::max);
            if (!pools.containsKey(target.functionName())) {
                FunctionPool started = new FunctionPool(functionSpec(target), awsEnvironment(region),
                        options.runDirectory().resolve("logs"));
                resources.add(started);
                pools.put(target.functionName(), started);
            }
        }
        sizes.forEach((name, size) -> step("starting " + size + " warm instance(s) of " + name
                + " (function.zip under the Lambda runtime interface client)"));
        List<java.util.concurrent.CompletableFuture<Void>> starts = new ArrayList<>();
        pools.forEach((name, p) -> starts.add(java.util.concurrent.CompletableFuture.runAsync(
                () -> p.start(sizes.get(name), Duration.ofSeconds(120)))));
        try {
            java.util.concurrent.CompletableFuture.allOf(starts.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        pool = pools.get(tenant.functionName());
    }

    /** A rule as the engine runs it: its SQL, its function's asynchronous invocation, its error action. */
    private RulesEngine.Rule rule(TenantRule rule) {
        TenantRule.Target target = rule.target();
        List<Duration> delays = options.retryDelays().subList(0, Math.min(target.retryAttempts(),
                options.retryDelays().size()));
        AsyncInvoker invoker = new AsyncInvoker(pools.get(target.functionName()), delays,
                record -> sqs.sendMessage(b -> b.queueUrl(target.onFailureQueueUrl()).messageBody(record)),
                target.functionArn());
        resources.add(invoker);
        RuleAccounting accounting = target.handlerName().equals(Handler.TELEMETRY.handlerName()) ? stats.telemetry()
                : stats.events(target.handlerName());
        return new RulesEngine.Rule(rule.name(), TopicRule.parse(rule.sql()), invoker::invoke,
                record -> sqs.sendMessage(b -> b.queueUrl(rule.errorQueueUrl()).messageBody(record)), accounting);
    }

    private FunctionSpec functionSpec(TenantRule.Target target) {
        Duration timeout = options.functionTimeout() != null ? options.functionTimeout() : target.timeout();
        return functionSpec(target.functionName(), target.runtimeHandler(), target.environment(), timeout,
                target.memoryMb());
    }

    /**
     * The redrive and silence functions, which no rule invokes: the test override of the timeout is for the rules'
     * functions (a slow function that overruns it), so these keep the template's, and a redrive on a busy machine
     * does not time out half-way.
     */
    private FunctionSpec functionSpec(String name, Map<String, String> environment) {
        return functionSpec(name, tenant.handler(), environment, tenant.functionTimeout(), tenant.functionMemoryMb());
    }

    private FunctionSpec functionSpec(String name, String runtimeHandler, Map<String, String> environment,
                                      Duration timeout, int memoryMb) {
        return new FunctionSpec(name, code, ric, runtimeHandler, new LinkedHashMap<>(environment), timeout, memoryMb,
                List.of(FunctionCode.nativeLibraryOption(ric, options.runDirectory().resolve("jni"))));
    }

    /**
     * Runs the function's {@code redrive} handler once, as an operator would after fixing a fault: it replays the
     * rule's error queue and the function's on-failure destination. Returns the handler's result document.
     */
    public JsonNode redrive() {
        Map<String, String> environment = tenant.environments().get(Handler.REDRIVE.handlerName());
        if (environment == null) {
            throw new IllegalStateException("the tenant stack has no redrive function");
        }
        try (FunctionPool redrive = new FunctionPool(functionSpec(tenant.functionName() + "-redrive", environment),
                awsEnvironment(region), options.runDirectory().resolve("logs"))) {
            redrive.start(1, Duration.ofSeconds(120));
            var result = redrive.invoke("{}").get(5, java.util.concurrent.TimeUnit.MINUTES);
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
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("redrive did not finish", e);
        }
    }

    /**
     * Runs the stack's scheduled {@code silence} function once, as its schedule would; empty when the stack has no
     * such function. The first call starts its warm instance.
     */
    public synchronized java.util.Optional<JsonNode> checkSilence() {
        Map<String, String> environment = tenant.environments().get(Handler.SILENCE.handlerName());
        if (environment == null) {
            return java.util.Optional.empty();
        }
        try {
            if (silencePool == null) {
                silencePool = new FunctionPool(functionSpec(tenant.functionName() + "-silence", environment),
                        awsEnvironment(region), options.runDirectory().resolve("logs"));
                resources.add(silencePool);
                silencePool.start(1, Duration.ofSeconds(120));
            }
            var result = silencePool.invoke("{\"source\":\"local-stack schedule\"}")
                    .get(2, java.util.concurrent.TimeUnit.MINUTES);
            if (result.failed()) {
                throw new IllegalStateException("the silence check failed: " + result.body());
            }
            return java.util.Optional.of(JSON.readTree(result.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the silence check", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the silence check did not finish", e);
        }
    }

    /** The fault proxy between the functions and the emulator, when the stack was started with fault injection. */
    public FaultProxy faults() {
        if (faults == null) {
            throw new IllegalStateException("started without fault injection");
        }
        return faults;
    }

    /** Issues a device's key and certificate from the tenant CA and registers it, as device-certs does. */
    public Credentials declare(DeviceSpec spec) {
        DeviceIdentity identity = DeviceIdentity.issue(ca, spec, KeyType.EC, Validity.days(30));
        StoredDevice stored = files.saveDevice(identity);
        String certificateId = registrar.register(spec, identity.certificate(), ca.certificate(), caRegistration)
                .certificateId();
        return new Credentials(spec.thing().value(), stored.certificateFile(), stored.keyFile(), certificateId);
    }

    public DeviceConnection connect(Credentials device) throws DeviceConnection.RefusedException {
        return connect(device, device.thing());
    }

    public DeviceConnection connect(Credentials device, String clientId) throws DeviceConnection.RefusedException {
        return DeviceConnection.connect(broker.host(), broker.port(), tls.brokerCaPem(), device.certificate(),
                device.key(), clientId, Duration.ofSeconds(15));
    }

    /** Connects as {@code device}, handing what its subscriptions receive to {@code received}. */
    public DeviceConnection connect(Credentials device, java.util.function.Consumer<DeviceConnection.Received> received)
            throws DeviceConnection.RefusedException {
        return DeviceConnection.connect(broker.host(), broker.port(), tls.brokerCaPem(), device.certificate(),
                device.key(), device.thing(), Duration.ofSeconds(15), received);
    }

    /** Reads everything waiting in the staff inbox (the SQS queue subscribed to the alert topic). */
    public List<StaffMessage> drainStaffInbox() {
        return drainStaffInbox(0);
    }

    /**
     * Reads everything in the staff inbox, first waiting up to {@code waitSeconds} for a message to arrive (SQS
     * long polling: the receive returns as soon as one is there, so a notification is read when it arrives rather
     * than at the next poll).
     */
    public List<StaffMessage> drainStaffInbox(int waitSeconds) {
        List<StaffMessage> messages = new ArrayList<>();
        int wait = waitSeconds;
        while (true) {
            int thisWait = wait;
            wait = 0;
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(tenant.staffQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(thisWait)).messages();
            if (batch.isEmpty()) {
                return messages;
            }
            long now = System.currentTimeMillis();
            for (Message m : batch) {
                try {
                    JsonNode envelope = JSON.readTree(m.body());
                    messages.add(new StaffMessage(JSON.readTree(envelope.get("Message").asText()), now));
                } catch (IOException e) {
                    throw new UncheckedIOException("the staff inbox got something that is not an alert", e);
                }
                sqs.deleteMessage(b -> b.queueUrl(tenant.staffQueueUrl()).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** Messages waiting in the rules' error action queues and their functions' on-failure destinations. */
    public int deadLetters() {
        Set<String> queues = new LinkedHashSet<>();
        for (TenantRule rule : tenant.rules()) {
            queues.add(rule.errorQueueUrl());
            queues.add(rule.target().onFailureQueueUrl());
        }
        return queues.stream().mapToInt(this::count).sum();
    }

    /** The bodies waiting in the function's on-failure destination, left in place. */
    public List<String> onFailureRecords() {
        List<String> bodies = new ArrayList<>();
        sqs.receiveMessage(b -> b.queueUrl(tenant.onFailureQueueUrl()).maxNumberOfMessages(10)
                .visibilityTimeout(0).waitTimeSeconds(0)).messages().forEach(m -> bodies.add(m.body()));
        return bodies;
    }

    private int count(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum() + "");
    }

    public LocalTenant tenant() {
        return tenant;
    }

    public IotBroker broker() {
        return broker;
    }

    public BrokerTls brokerTls() {
        return tls;
    }

    public RulesEngine rules() {
        return rules;
    }

    public PipelineStats stats() {
        return stats;
    }

    /** The telemetry function's warm instances. */
    public FunctionPool functions() {
        return pool;
    }

    /** The warm instances of the function a rule invokes, by function name (the template's FunctionName). */
    public FunctionPool functions(String functionName) {
        FunctionPool found = pools.get(functionName);
        if (found == null) {
            throw new IllegalArgumentException("no rule of the tenant stack invokes " + functionName);
        }
        return found;
    }

    /**
     * Also hands {@code observer} everything the rules engine receives: every publish the broker authorized and
     * every lifecycle event it published. Called on broker threads: must not block.
     */
    public void observe(PublishListener observer) {
        observers.add(observer);
    }

    public URI emulatorEndpoint() {
        return moto.endpoint();
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public IotClient iot() {
        return iot;
    }

    public IotRegistrar registrar() {
        return registrar;
    }

    public TenantFiles files() {
        return files;
    }

    public TenantCa ca() {
        return ca;
    }

    private Map<String, String> awsEnvironment(String region) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_ENDPOINT_URL", (faults != null ? faults.endpoint() : moto.endpoint()).toString());
        return env;
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder, String region) {
        return builder.endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private void step(String what) {
        options.progress().println("[local-stack] " + what);
    }

    private static JsonNode readConfig(Path config) {
        try {
            return JSON.readTree(config.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the tenant configuration " + config + ": " + e.getMessage());
        }
    }

    private static Path clean(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                options.progress().println("[local-stack] while stopping: " + e.getMessage());
            }
        }
        resources.clear();
    }
}
