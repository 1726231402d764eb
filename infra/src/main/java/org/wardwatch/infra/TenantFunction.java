package org.wardwatch.infra;

import org.wardwatch.model.tenant.FunctionEnvironment;
import org.wardwatch.model.tenant.TenantNames;
import org.wardwatch.model.tenant.FunctionRuntime;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One handler of the function artifact (or the staff API's own artifact, {@link StaffApi}), deployed the way every
 * wardwatch function is: its own role (no managed
 * policy; it gets only what its construct grants), its own log group encrypted with the tenant's key, the runtime of
 * the tenant's configuration (JVM: java21 with SnapStart; native: provided.al2023) and a {@code live} alias on the
 * current version, which callers invoke so that a JVM function runs from its snapshot.
 *
 * <p>The construct that owns a function adds it with the id {@code Default}, which CDK leaves out of logical ids:
 * the resources are then named after that construct ({@code IngestFunction...}, {@code RedriveLogGroup...}), and
 * the telemetry function kept the logical ids it was first deployed with.
 */
public final class TenantFunction extends Construct {

    /** The id an owning construct gives its function (see the class comment). */
    static final String ID = "Default";
    public static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    public static final String NATIVE_HANDLER = "bootstrap";
    public static final String ALIAS = "live";
    /**
     * The JVM options of every JVM function ({@code JAVA_TOOL_OPTIONS}): C1 only and the serial collector. Lambda's
     * Java runtimes already start their JVM this way (AWS, "Customize Java runtime startup behavior": C1 by default
     * on java17 and java21; the serial collector is what java17's command line sets and what the JVM picks itself
     * below 2 GB); writing them down keeps the template explicit, and makes the local stack and its cold-start
     * benchmark, which read the template, run the JVM as Lambda does (docs/performance.md, section 2). 81 bytes of
     * the 4 KB environment.
     */
    public static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final Function function;
    private final Alias alias;
    private final Role role;

    public TenantFunction(Construct scope, String id, TenantFunctionProps props) {
        this(scope, id, Definition.of(props));
    }

    /**
     * A function of an artifact of its own (the staff API's, functions/staff-api): no {@code QUARKUS_LAMBDA_HANDLER},
     * and only the environment and layers its definition gives.
     */
    TenantFunction(Construct scope, String id, Definition definition) {
        super(scope, id);
        TenantNames names = definition.names();

        String logGroupName = "/aws/lambda/" + definition.functionName();
        allowLogsToUseKey(this, definition.encryptionKey(), logGroupName, definition.name());
        LogGroup logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName(logGroupName)
                .encryptionKey(definition.encryptionKey())
                .build();
        // Any of CloudWatch's periods (validated with the config), not only those the RetentionDays enum names.
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(definition.logRetentionDays());

        // An own role instead of AWSLambdaBasicExecutionRole, whose logs statements apply to every log group ("*").
        role = Role.Builder.create(this, "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("wardwatch " + names.tenantId() + " " + definition.name() + " function")
                .build();
        logGroup.grantWrite(role);

        boolean jvm = definition.jvm();
        Map<String, String> environment = new LinkedHashMap<>();
        if (definition.handler() != null) {
            environment.put(FunctionEnvironment.HANDLER, definition.handler());
        }
        if (jvm) {
            environment.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);
        }
        environment.putAll(definition.environment());

        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(definition.functionName())
                .description("wardwatch " + names.tenantId() + ": " + definition.description())
                .code(definition.code())
                .runtime(jvm ? Runtime.JAVA_21 : Runtime.PROVIDED_AL2023)
                .handler(jvm ? JVM_HANDLER : NATIVE_HANDLER)
                .architecture(Architecture.X86_64)
                .memorySize(definition.memoryMb())
                .timeout(Duration.seconds(definition.timeout().toSeconds()))
                .role(role)
                .logGroup(logGroup)
                .environment(environment)
                .layers(definition.layers());
        if (jvm) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (definition.reservedConcurrency() != null) {
            builder.reservedConcurrentExecutions(definition.reservedConcurrency());
        }
        function = builder.build();
        if (jvm) {
            // CDK warns that SnapStart applies to published versions only: the live alias below is one.
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "callers invoke the live alias of a published version");
        }

        alias = Alias.Builder.create(this, "LiveAlias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
    }

    /**
     * Everything a function is built from. {@link TenantFunctionProps} gives it for a handler of the one artifact;
     * the staff API ({@link StaffApi}) gives its own.
     *
     * @param name        what names the role's description and the key policy's Sid ({@code admission},
     *                    {@code staff-api})
     * @param handler     the {@code QUARKUS_LAMBDA_HANDLER}, or null for an artifact of its own
     * @param environment besides {@code QUARKUS_LAMBDA_HANDLER} and {@code JAVA_TOOL_OPTIONS} (ordered)
     */
    record Definition(TenantNames names, String name, String handler, String functionName, String description,
                      Code code, boolean jvm, int memoryMb, int logRetentionDays, Map<String, String> environment,
                      List<ILayerVersion> layers, java.time.Duration timeout, IKey encryptionKey,
                      Integer reservedConcurrency) {

        static Definition of(TenantFunctionProps props) {
            FunctionSettings settings = props.settings();
            String handler = props.handler().handlerName();
            return new Definition(props.names(), handler, handler, props.names().function(props.handler()),
                    props.description(), settings.code(), settings.runtime() == FunctionRuntime.JVM,
                    settings.memoryMb(), settings.logRetentionDays(), settings.environment(), settings.layers(),
                    props.handler().timeout(), props.encryptionKey(), props.reservedConcurrency());
        }
    }

    /**
     * CloudWatch Logs encrypts a log group only with a key whose policy lets the regional Logs service use it. A key
     * policy's resource is always "*" (the key itself); the encryption context limits it to this one log group. One
     * statement per log group, each with its own Sid (Sids are unique within a policy): {@code name} in PascalCase.
     */
    static void allowLogsToUseKey(Construct scope, IKey key, String logGroupName, String name) {
        Stack stack = Stack.of(scope);
        String logGroupArn = stack.formatArn(ArnComponents.builder()
                .service("logs")
                .resource("log-group")
                .resourceName(logGroupName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsToUseTheKeyFor" + pascalCase(name))
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(OrderedMaps.of("ArnEquals",
                        OrderedMaps.of("kms:EncryptionContext:aws:logs:arn", logGroupArn)))
                .build());
    }

    /** {@code staff-api} to {@code StaffApi}. */
    static String pascalCase(String handler) {
        StringBuilder text = new StringBuilder();
        for (String word : handler.split("-")) {
            text.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return text.toString();
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public Role role() {
        return role;
    }
}
