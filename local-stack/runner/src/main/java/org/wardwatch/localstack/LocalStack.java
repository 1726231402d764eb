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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.devicecerts.IotRegistrar;
import org.wardwatch.devicecerts.TenantCa;
import org.wardwatch.devicecerts.TenantFiles;
import org.wardwatch.localstack.api.ApiFront;
import org.wardwatch.localstack.api.JwtAuthorizer;
import org.wardwatch.localstack.broker.BrokerTls;
import org.wardwatch.localstack.broker.IotBroker;
import org.wardwatch.localstack.broker.PublishListener;
import org.wardwatch.localstack.faults.FaultProxy;
import org.wardwatch.localstack.lambda.FunctionPool;
import org.wardwatch.localstack.rules.RulesEngine;
import org.wardwatch.localstack.tenant.LocalTenant;
import org.wardwatch.localstack.tenant.StaffPool;
import org.wardwatch.localstack.tenant.TenantHttpApi;
import org.wardwatch.localstack.tenant.TemplateProvisioner;
import org.wardwatch.localstack.tenant.TenantSynth;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.tenant.FunctionEnvironment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The whole pipeline on one machine: moto server, the tenant stack created from its synthesized CDK template, the
 * tenant CA and devices registered through device-certs, the packaged functions under the Lambda runtime client,
 * the topic rules, and HiveMQ as IoT Core's data plane (with its lifecycle events). Started once, used by the
 * command and by the tests. This class starts and stops the parts in order and is what the command and tests
 * call; the parts are {@link AwsEmulator}, {@link TenantCertificates}, {@link StackFunctions}, {@link DataPlane}
 * and {@link TenantQueues}.
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
     * @param functionEnvironment set in every function's environment over the template's (a replay reads the
     *                            device registry on every message: {@link #REPLAY_ENVIRONMENT})
     */
    public record Options(Path root, Path tenantConfig, Path runDirectory, int functionInstances,
                          List<Duration> retryDelays, PrintStream progress, boolean faultInjection,
                          Duration functionTimeout, Path template, Map<String, String> functionEnvironment) {

        /** A move of a device takes effect at the next reading: the functions do not cache registry rows. */
        public static final Map<String, String> REPLAY_ENVIRONMENT = Map.of(FunctionEnvironment.DEVICE_CACHE_SECONDS, "0");

        public Options {
            functionEnvironment = functionEnvironment == null ? Map.of() : Map.copyOf(functionEnvironment);
        }

        public Options(Path root, Path tenantConfig, Path runDirectory, int functionInstances,
                       List<Duration> retryDelays, PrintStream progress, boolean faultInjection,
                       Duration functionTimeout, Path template) {
            this(root, tenantConfig, runDirectory, functionInstances, retryDelays, progress, faultInjection,
                    functionTimeout, template, Map.of());
        }

        /** These options with {@code environment} set in every function's environment. */
        public Options withFunctionEnvironment(Map<String, String> environment) {
            return new Options(root, tenantConfig, runDirectory, functionInstances, retryDelays, progress,
                    faultInjection, functionTimeout, template, environment);
        }

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
    private AwsEmulator emulator;
    private LocalTenant tenant;
    private TenantCertificates certificates;
    private StackFunctions functions;
    private DataPlane dataPlane;
    private TenantQueues queues;
    private ApiFront apiFront;
    private Optional<org.wardwatch.localstack.staff.StaffUsers> demoStaff;

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
        String region = config.path("region").asText();
        if (!EMULATED_ACCOUNT.equals(config.path("account").asText())) {
            throw new IllegalArgumentException(options.tenantConfig() + ": account must be " + EMULATED_ACCOUNT
                    + " (moto's) for the local stack");
        }
        Path run = clean(options.runDirectory());
        Path zip = options.root().resolve("functions/target/function.zip");

        step("starting the AWS emulator (moto server)");
        emulator = AwsEmulator.start(options.root(), region, resources::add);

        Path template = options.template();
        if (template == null) {
            step("synthesizing the tenant stack with the infra CDK app");
            template = TenantSynth.template(options.root(), options.tenantConfig(), zip,
                    options.root().resolve("local-stack/.run/synth"));
        }
        step("creating the tenant's tables, topics, queues and IoT policy from " + template.getFileName());
        tenant = new TemplateProvisioner(emulator.dynamo(), emulator.sns(), emulator.sqs(), emulator.iot(),
                emulator.cognito()).provision(template, region, EMULATED_ACCOUNT);
        queues = new TenantQueues(emulator.sqs(), tenant);

        step("creating and registering the tenant CA (device-certs)");
        certificates = TenantCertificates.register(tenant, run.resolve("certs"), emulator.iotRegistration(),
                emulator.dynamo());

        functions = StackFunctions.start(options, tenant, region, emulator.endpoint(), zip, run, resources::add,
                this::step);
        dataPlane = DataPlane.start(tenant, options.retryDelays(), functions, emulator.sqs(), emulator.iot(),
                certificates.ca().certificate(), stats, run, resources::add, this::step);
        step("ready: mqtts://" + broker().host() + ":" + broker().port() + ", AWS emulator " + emulator.endpoint());
    }

    /**
     * Runs the function's {@code redrive} handler once, as an operator would after fixing a fault: it replays the
     * rule's error queue and the function's on-failure destination. Returns the handler's result document.
     */
    public JsonNode redrive() {
        return functions.redrive(stats);
    }

    /**
     * Runs the stack's scheduled {@code silence} function once, as its schedule would; empty when the stack has no
     * such function. The first call starts its warm instance.
     */
    public synchronized Optional<JsonNode> checkSilence() {
        return functions.checkSilence();
    }

    /** The fault proxy between the functions and the emulator, when the stack was started with fault injection. */
    public FaultProxy faults() {
        FaultProxy faults = functions.faults();
        if (faults == null) {
            throw new IllegalStateException("started without fault injection");
        }
        return faults;
    }

    /** Issues a device's key and certificate from the tenant CA and registers it, as device-certs does. */
    public Credentials declare(DeviceSpec spec) {
        return certificates.declare(spec);
    }

    /**
     * Moves a declared device to the place {@code spec} names: its thing's attributes and its devices table row
     * change through device-certs' registration, with the certificate it has (its connection stays).
     */
    public void move(DeviceSpec spec) {
        certificates.move(spec);
    }

    /**
     * Invokes the tenant's {@code admission} function synchronously with {@code request} and returns its response;
     * empty when the tenant stack has no admission function. The first call starts its warm instance.
     */
    public Optional<JsonNode> admission(String request) {
        return functions.admission(request);
    }

    /**
     * Invokes the tenant's {@code acknowledge} function synchronously with {@code request} and returns its answer;
     * empty when the tenant stack has no such function. The first call starts its warm instance.
     */
    public Optional<JsonNode> acknowledge(String request) {
        return functions.acknowledge(request);
    }

    /**
     * Runs the stack's scheduled {@code escalation} function once, with the scheduled event's {@code time} (the
     * check's instant); empty when the stack has no such function. The first call starts its warm instance.
     */
    public Optional<JsonNode> checkEscalations(Instant time) {
        return functions.checkEscalations(time);
    }

    /** As {@link #checkSilence()}, with the scheduled event's {@code time} (the check's instant). */
    public Optional<JsonNode> checkSilence(Instant time) {
        return functions.checkSilence(time);
    }

    /** Whether the tenant stack has a function with {@code handler} (a {@code Handler.Names} name). */
    public boolean hasFunction(String handler) {
        return functions.has(handler);
    }

    /** Whether the tenant stack has an admission function. */
    public boolean hasAdmissions() {
        return functions.hasAdmissions();
    }

    /**
     * Makes IoT Core's receive time of the publishes on {@code topic} {@code receivedAtMillis} until cleared with
     * null (a replay: a recorded message was received when recorded, not when replayed).
     */
    public void recordedReceiveTime(String topic, Long receivedAtMillis) {
        dataPlane.recordedReceiveTime(topic, receivedAtMillis);
    }

    public DeviceConnection connect(Credentials device) throws DeviceConnection.RefusedException {
        return connect(device, device.thing());
    }

    public DeviceConnection connect(Credentials device, String clientId) throws DeviceConnection.RefusedException {
        return dataPlane.connect(device, clientId);
    }

    /** Connects as {@code device}, handing what its subscriptions receive to {@code received}. */
    public DeviceConnection connect(Credentials device, Consumer<DeviceConnection.Received> received)
            throws DeviceConnection.RefusedException {
        return dataPlane.connect(device, received);
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
        return queues.drainStaffInbox(waitSeconds);
    }

    /** Messages waiting in the rules' error action queues and their functions' on-failure destinations. */
    public int deadLetters() {
        return queues.deadLetters();
    }

    /** The bodies waiting in the function's on-failure destination, left in place. */
    public List<String> onFailureRecords() {
        return queues.onFailureRecords();
    }

    public LocalTenant tenant() {
        return tenant;
    }

    public IotBroker broker() {
        return dataPlane.broker();
    }

    public BrokerTls brokerTls() {
        return dataPlane.tls();
    }

    public RulesEngine rules() {
        return dataPlane.rules();
    }

    public PipelineStats stats() {
        return stats;
    }

    /** The telemetry function's warm instances. */
    public FunctionPool functions() {
        return functions.telemetry();
    }

    /** The warm instances of the function a rule invokes, by function name (the template's FunctionName). */
    public FunctionPool functions(String functionName) {
        FunctionPool found = functions.pool(functionName);
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
        dataPlane.observe(observer);
    }

    public URI emulatorEndpoint() {
        return emulator.endpoint();
    }

    /**
     * Creates the demo's staff users in the tenant's staff user pool ({@link org.wardwatch.localstack.staff.StaffUsers},
     * fresh passwords each run) on the first call, and returns them on every call; empty when the tenant template
     * has no staff pool.
     */
    public synchronized Optional<org.wardwatch.localstack.staff.StaffUsers> createDemoStaff() {
        if (demoStaff == null) {
            demoStaff = tenant.staffPool().map(pool -> org.wardwatch.localstack.staff.StaffUsers.createDemo(
                    emulator.cognito(), pool, new java.security.SecureRandom()));
        }
        return demoStaff;
    }

    /** The staff API's local URL, once {@link #serveApi()} serves it. */
    public synchronized Optional<URI> apiUrl() {
        return Optional.ofNullable(apiFront).map(ApiFront::url);
    }

    /**
     * Serves the tenant's staff API on {@code http://127.0.0.1:<port>} (once; later calls return the same URL): the
     * staff API's function ({@code functions/staff-api/target/function.zip}) with one warm instance under the
     * Lambda runtime interface client, behind {@link ApiFront}, which checks tokens as the API's JWT authorizer
     * against the emulator's Cognito and builds the payload 2.0 events. Empty when the template has no HTTP API.
     */
    public synchronized Optional<URI> serveApi() {
        if (apiFront != null) {
            return Optional.of(apiFront.url());
        }
        Optional<TenantHttpApi> api = tenant.httpApi();
        if (api.isEmpty()) {
            return Optional.empty();
        }
        StaffPool pool = tenant.staffPool().orElseThrow(() -> new IllegalStateException(
                "the tenant template has an HTTP API but no staff user pool to sign in with"));
        TenantHttpApi http = api.get();
        if (!http.issuer().equals(pool.issuer()) || !http.audience().equals(java.util.List.of(pool.clientId()))) {
            throw new IllegalStateException("the HTTP API's JWT authorizer does not name the staff pool's issuer "
                    + "and dashboard client");
        }
        step("starting the staff API (" + http.function().functionName() + ", 1 warm instance) behind its local front");
        FunctionPool function = functions.startApiFunction(http.function(),
                options.root().resolve("functions/staff-api/target/function.zip"), 1);
        JwtAuthorizer authorizer = new JwtAuthorizer(pool.jwksUri(emulator.endpoint()), http.issuer(),
                pool.clientId(), java.time.Clock.systemUTC());
        try {
            apiFront = new ApiFront(http, authorizer, function::invoke, EMULATED_ACCOUNT, java.time.Clock.systemUTC(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the staff API", e);
        }
        resources.add(apiFront);
        step("staff API: " + apiFront.url());
        return Optional.of(apiFront.url());
    }

    public DynamoDbClient dynamo() {
        return emulator.dynamo();
    }

    /** The emulator's Cognito (the staff user pool): to sign staff in with InitiateAuth. */
    public software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient cognito() {
        return emulator.cognito();
    }

    public IotClient iot() {
        return emulator.iot();
    }

    public IotRegistrar registrar() {
        return certificates.registrar();
    }

    public TenantFiles files() {
        return certificates.files();
    }

    public TenantCa ca() {
        return certificates.ca();
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
