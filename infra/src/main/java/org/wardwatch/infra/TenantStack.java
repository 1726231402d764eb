package org.wardwatch.infra;

import org.wardwatch.model.tenant.ColdChain;
import org.wardwatch.model.tenant.Handler;
import org.wardwatch.model.tenant.TenantNames;
import org.wardwatch.model.tenant.DeviceIntervals;
import org.wardwatch.model.tenant.FunctionConfigFile;
import org.wardwatch.model.tenant.TenantConfig;
import static org.wardwatch.model.tenant.FunctionEnvironment.*;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One hospital tenant's whole deployment, composed of one construct per concern. Every physical name comes from
 * {@link TenantNames}; every permission from a grant on the tenant's own resources.
 */
public final class TenantStack extends Stack {

    private final TenantNames names;
    private final Key key;
    private final DeviceFleet deviceFleet;
    private final ReadingsStore readingsStore;
    private final AlertChannels alertChannels;
    private final Ingest ingest;
    private final Redrive redrive;
    private final OperatorFunction admissions;
    private final OperatorFunction acknowledgements;
    private final SilentDevices silentDevices;
    private final Escalations escalations;
    private final Presence presence;
    private final Operations operations;
    private final StaffSignIn staffSignIn;
    private final Audit audit;
    private final StaffApi staffApi;

    public TenantStack(Construct scope, TenantStackProps props) {
        super(scope, new TenantNames(props.config().tenantId()).stackName(), StackProps.builder()
                .env(Environment.builder().account(props.config().account()).region(props.config().region()).build())
                .description("wardwatch tenant " + props.config().tenantId()
                        + ": connected medical devices (contains PHI)")
                .analyticsReporting(false)
                // The stack holds patient data: deleting it takes a deliberate step first (infra/README.md).
                .terminationProtection(true)
                .build());
        TenantConfig config = props.config();
        names = new TenantNames(config.tenantId());

        key = Key.Builder.create(this, "DataKey")
                .alias(names.keyAlias())
                .description("wardwatch " + names.tenantId() + ": tables, topics and queues")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        deviceFleet = new DeviceFleet(this, "DeviceFleet", DeviceFleetProps.builder().names(names).build());
        readingsStore = new ReadingsStore(this, "ReadingsStore", ReadingsStoreProps.builder()
                .names(names).encryptionKey(key).build());
        alertChannels = new AlertChannels(this, "AlertChannels", AlertChannelsProps.builder()
                .names(names).encryptionKey(key).contacts(config.contacts()).build());
        TenantConfigLayer configLayer = new TenantConfigLayer(this, "TenantConfig", names, config);
        FunctionSettings functions = FunctionSettings.builder()
                .code(props.functionCode())
                .runtime(config.runtime())
                .memoryMb(config.memoryMb())
                .logRetentionDays(config.logRetentionDays())
                .environment(functionEnvironment(config))
                .layers(java.util.List.of(configLayer.layer()))
                .build();
        ingest = new Ingest(this, "Ingest", IngestProps.builder()
                .names(names)
                .settings(functions)
                .reservedConcurrency(config.reservedConcurrency())
                .encryptionKey(key)
                .build());
        readingsStore.grantTelemetryAccess(ingest.function());
        alertChannels.grantPublish(ingest.function());

        redrive = new Redrive(this, "Redrive", RedriveProps.builder()
                .names(names)
                .settings(functions)
                .encryptionKey(key)
                .ruleErrorQueue(ingest.deadLetterQueue())
                .failureQueue(ingest.failureQueue())
                .build());
        // A redriven message goes through the telemetry code: it needs what the telemetry function has.
        readingsStore.grantTelemetryAccess(redrive.function());
        alertChannels.grantPublish(redrive.function());

        SingleFunctionProps singleFunction = SingleFunctionProps.builder()
                .names(names)
                .settings(functions)
                .encryptionKey(key)
                .build();
        // Operator functions (functions/README.md, "Admissions"), each with only what it needs: an admission change
        // is one conditional transaction, and a discharge resolves the bed's open alerts, which staff hear about, so
        // it publishes. A storage unit's temperature log and an excursion's acknowledgement are the staff API's
        // endpoints (below).
        admissions = new OperatorFunction(this, "Admissions", singleFunction, Handler.ADMISSION,
                "admits, transfers and discharges patients; keeps each bed's admission history");
        readingsStore.grantAdmissionAccess(admissions.function());
        alertChannels.grantPublish(admissions.function());

        // Acknowledging any alert (functions/README.md, "Acknowledgement and escalation"): the alert's record and,
        // for a cold-chain alert, its excursion; everyone paged for it is told who took it, so it publishes.
        acknowledgements = new OperatorFunction(this, "Acknowledgements", singleFunction, Handler.ACKNOWLEDGE,
                "acknowledges an alert (who, when, note) and tells everyone paged for it");
        readingsStore.grantAcknowledgementAccess(acknowledgements.function());
        alertChannels.grantPublish(acknowledgements.function());

        silentDevices = new SilentDevices(this, "SilentDevices", singleFunction);
        readingsStore.grantSilenceCheckAccess(silentDevices.function());
        alertChannels.grantPublish(silentDevices.function());

        escalations = new Escalations(this, "Escalations", singleFunction);
        readingsStore.grantEscalationAccess(escalations.function());
        alertChannels.grantPublish(escalations.function());

        // Lifecycle events fail into the telemetry queues, so the one redrive (granted telemetry's access, which
        // covers presence's) replays both.
        presence = new Presence(this, "Presence", PresenceProps.builder()
                .names(names)
                .settings(functions)
                .encryptionKey(key)
                .deadLetterQueue(ingest.deadLetterQueue())
                .failureQueue(ingest.failureQueue())
                .errorActionRole(ingest.errorActionRole())
                .build());
        readingsStore.grantPresenceAccess(presence.function());

        Map<String, IQueue> deadLetterQueues = new LinkedHashMap<>();
        deadLetterQueues.put("ingest-dlq", ingest.deadLetterQueue());
        deadLetterQueues.put("telemetry-failures", ingest.failureQueue());
        operations = new Operations(this, "Operations", OperationsProps.builder()
                .names(names)
                .encryptionKey(key)
                .function(ingest.function())
                .redriveFunction(redrive.function())
                .silenceFunction(silentDevices.function())
                .escalationFunction(escalations.function())
                .alertTopic(alertChannels.topic())
                .presenceFunction(presence.function())
                .deadLetterQueues(deadLetterQueues)
                .opsEmails(config.opsEmails())
                .build());

        // Staff sign-in, the audit of their writes and the staff API (issue 16). The API's function acknowledges as
        // the acknowledge function does (the alert's record, a cold-chain alert's excursion, the ACKNOWLEDGED
        // message to everyone paged) and appends one audit record per write.
        staffSignIn = new StaffSignIn(this, "StaffSignIn", names);
        audit = new Audit(this, "Audit", names, key);
        staffApi = new StaffApi(this, "StaffApi", StaffApiProps.builder()
                .names(names)
                .code(props.staffApiCode())
                .memoryMb(config.memoryMb())
                .logRetentionDays(config.logRetentionDays())
                .environment(staffApiEnvironment(config))
                .encryptionKey(key)
                .userPool(staffSignIn.userPool())
                .dashboard(staffSignIn.dashboard())
                .layers(java.util.List.of(configLayer.layer()))
                .build());
        // What each endpoint needs (the slice-2 contract's table), by the grants the acknowledge and admission
        // functions have too, and the storage endpoints' own:
        // acknowledging alerts; the ward view and the devices (device state and presence items by GetItem,
        // BatchGetItem and Query, all in the acknowledgement's and the admission's grants); a bed's readings (the
        // byBed index); admissions, transfers, discharges, settings and nurse observations, as the admission
        // function (its discharges and observations resolve and raise alerts, so it publishes); storage units,
        // their excursions and temperature logs (read only: Query of the readings table, GetItem of a unit); an
        // excursion's acknowledgement (one conditional UpdateItem); the audit: appending each write, and Query for
        // GET /audit. Never an update or delete of the audit.
        readingsStore.grantAcknowledgementAccess(staffApi.function());
        readingsStore.grantWardViewAccess(staffApi.function());
        readingsStore.grantBedReadingsAccess(staffApi.function());
        readingsStore.grantAdmissionAccess(staffApi.function());
        readingsStore.grantTemperatureLogAccess(staffApi.function());
        readingsStore.grantExcursionAcknowledgementAccess(staffApi.function());
        alertChannels.grantPublish(staffApi.function());
        audit.grantAppend(staffApi.function());
        audit.grantQuery(staffApi.function());

        Tags.of(this).add("tenant", names.tenantId());
        Tags.of(this).add("data-classification", "PHI");
        Tags.of(this).add("application", "wardwatch");
        outputs();
    }

    /**
     * The environment every handler reads at start (functions/README.md, "Environment"): all of them load the same
     * configuration and fail to start without it, so every function gets all of it. Each function adds its
     * {@code QUARKUS_LAMBDA_HANDLER}, and the redrive function its two queues. A variable grants nothing: each
     * function's role has only its own grants.
     */
    private Map<String, String> functionEnvironment(TenantConfig config) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(TENANT_ID, names.tenantId());
        environment.put(READINGS_TABLE, readingsStore.readings().getTableName());
        environment.put(QUARANTINE_TABLE, readingsStore.quarantine().getTableName());
        environment.put(DEVICES_TABLE, readingsStore.devices().getTableName());
        environment.put(ALERT_TOPIC_ARN, alertChannels.topic().getTopicArn());
        environment.put(CONFIG_FILE, FunctionConfigFile.PATH_IN_FUNCTION);
        environment.put(READING_RETENTION_DAYS, Integer.toString(config.readingRetentionDays()));
        coldChainEnvironment(config.coldChain(), environment);
        environment.put(TIME_ZONE, config.timeZone());
        deviceIntervalsEnvironment(config.deviceIntervals(), environment);
        return environment;
    }

    /** What the staff API reads (functions/staff-api/README.md, "Configuration"), and nothing else. */
    private Map<String, String> staffApiEnvironment(TenantConfig config) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(TENANT_ID, names.tenantId());
        environment.put(READINGS_TABLE, readingsStore.readings().getTableName());
        environment.put(ALERT_TOPIC_ARN, alertChannels.topic().getTopicArn());
        environment.put(DEVICES_TABLE, readingsStore.devices().getTableName());
        environment.put(CONFIG_FILE, FunctionConfigFile.PATH_IN_FUNCTION);
        environment.put(AUDIT_TABLE, audit.table().getTableName());
        environment.put(TIME_ZONE, config.timeZone());
        environment.put(DASHBOARD_CLIENT_ID, staffSignIn.dashboard().getUserPoolClientId());
        return environment;
    }

    /**
     * Only what the configuration sets: for the rest the function's own defaults apply (infra/README.md). The
     * storage profiles are in the configuration file.
     */
    private static void coldChainEnvironment(ColdChain coldChain, Map<String, String> environment) {
        putIfSet(environment, EXCURSION_WARNING_MINUTES, coldChain.excursionWarningMinutes());
        putIfSet(environment, EXCURSION_CRITICAL_MINUTES, coldChain.excursionCriticalMinutes());
        putIfSet(environment, DOOR_OPEN_WARNING_MINUTES, coldChain.doorOpenWarningMinutes());
        putIfSet(environment, COLD_CHAIN_RETENTION_DAYS, coldChain.retentionDays());
    }

    /** Only what the configuration sets, as for the cold chain. */
    private static void deviceIntervalsEnvironment(DeviceIntervals intervals, Map<String, String> environment) {
        putIfSet(environment, VITALS_INTERVAL_SECONDS, intervals.vitalsIntervalSeconds());
        putIfSet(environment, STORAGE_INTERVAL_SECONDS, intervals.storageIntervalSeconds());
    }

    private static void putIfSet(Map<String, String> environment, String name, Integer value) {
        if (value != null) {
            environment.put(name, Integer.toString(value));
        }
    }

    private void outputs() {
        output("TenantId", names.tenantId(), "the tenant this stack serves");
        output("DevicePolicyName", deviceFleet.policy().getPolicyName(), "IoT policy to attach to device certificates");
        output("ThingTypeName", deviceFleet.thingType().getThingTypeName(), "thing type devices are registered with");
        output("TelemetryTopicFilter", names.telemetryTopicFilter(), "where devices publish telemetry");
        output("TopicRuleName", ingest.rule().getRuleName(), "IoT topic rule feeding the function");
        output("ReadingsTableName", readingsStore.readings().getTableName(), "readings table");
        output("QuarantineTableName", readingsStore.quarantine().getTableName(), "quarantine table");
        output("DevicesTableName", readingsStore.devices().getTableName(), "device registry (device-certs register)");
        output("AlertTopicArn", alertChannels.topic().getTopicArn(), "SNS topic staff alerts are published to");
        output("OpsTopicArn", operations.topic().getTopicArn(), "SNS topic of the operations alarms");
        output("FunctionAliasArn", ingest.alias().getFunctionArn(), "the alias the topic rule invokes");
        output("RedriveFunctionName", redrive.function().getFunctionName(),
                "replays the dead-letter queues: invoke its live alias by hand once a fault is fixed");
        output("AdmissionFunctionName", admissions.function().getFunctionName(),
                "admits, transfers and discharges patients: invoke its live alias with action, ward, bed, ...");
        output("AcknowledgeFunctionName", acknowledgements.function().getFunctionName(),
                "acknowledges an alert: invoke its live alias with ward, bed/room/device, type, metric, by (or alertId, by)");
        output("EscalationFunctionName", escalations.function().getFunctionName(),
                "sends reminders and escalations of unacknowledged alerts; the rule "
                        + names.resource(Escalations.SCHEDULE) + " runs it every minute");
        output("SilentDevicesFunctionName", silentDevices.function().getFunctionName(),
                "flags devices that stopped reporting; the rule " + names.resource(SilentDevices.SCHEDULE)
                        + " runs it every minute");
        output("PresenceTopicRuleName", presence.rule().getRuleName(),
                "IoT topic rule feeding lifecycle events ($aws/events/presence/+/+) to the presence function");
        output("PresenceFunctionName", presence.function().getFunctionName(),
                "records devices' connections and disconnections");
        output("IngestDeadLetterQueueUrl", ingest.deadLetterQueue().getQueueUrl(), "topic rule error action");
        output("TelemetryFailuresQueueUrl", ingest.failureQueue().getQueueUrl(), "events that failed all retries");
        output("StaffUserPoolId", staffSignIn.userPool().getUserPoolId(),
                "Cognito user pool of the tenant's staff: the hospital's admin creates users and groups in it");
        output("DashboardClientId", staffSignIn.dashboard().getUserPoolClientId(),
                "app client of the staff dashboard (public, no secret)");
        output("AuditTableName", audit.table().getTableName(), "append-only audit of staff's writes");
        output("StaffApiUrl", staffApi.url(),
                "the staff API: GET /openapi for anyone, every other route with a staff ID token (Bearer)");
        output("DataKeyArn", key.getKeyArn(), "customer-managed key of the tenant's data");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public TenantNames names() {
        return names;
    }

    public Key key() {
        return key;
    }

    public DeviceFleet deviceFleet() {
        return deviceFleet;
    }

    public ReadingsStore readingsStore() {
        return readingsStore;
    }

    public AlertChannels alertChannels() {
        return alertChannels;
    }

    public Ingest ingest() {
        return ingest;
    }

    public Redrive redrive() {
        return redrive;
    }

    public OperatorFunction admissions() {
        return admissions;
    }

    public OperatorFunction acknowledgements() {
        return acknowledgements;
    }

    public Escalations escalations() {
        return escalations;
    }

    public SilentDevices silentDevices() {
        return silentDevices;
    }

    public Presence presence() {
        return presence;
    }

    public Operations operations() {
        return operations;
    }

    public StaffSignIn staffSignIn() {
        return staffSignIn;
    }

    public Audit audit() {
        return audit;
    }

    public StaffApi staffApi() {
        return staffApi;
    }

    /**
     * The stack's input: the validated tenant configuration and where the functions' code is: the device-facing
     * artifact's (functions/target/function.zip) and the staff API's (functions/staff-api/target/function.zip).
     */
    public record TenantStackProps(TenantConfig config, Code functionCode, Code staffApiCode) {

        public TenantStackProps {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(functionCode, "functionCode");
            Objects.requireNonNull(staffApiCode, "staffApiCode");
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private TenantConfig config;
            private Code functionCode;
            private Code staffApiCode;

            public Builder config(TenantConfig config) {
                this.config = config;
                return this;
            }

            public Builder functionCode(Code functionCode) {
                this.functionCode = functionCode;
                return this;
            }

            public Builder staffApiCode(Code staffApiCode) {
                this.staffApiCode = staffApiCode;
                return this;
            }

            public TenantStackProps build() {
                return new TenantStackProps(config, functionCode, staffApiCode);
            }
        }
    }
}
