package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantConfig;
import org.wardwatch.model.tenant.InvalidConfigurationException;
import org.wardwatch.model.tenant.TenantConfigReader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.services.lambda.Code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CDK app: one tenant's stack. Run by {@code ./synth} in two ways:
 * <ul>
 *   <li>offline: {@code --config <tenant.json> --outdir <dir> [--function-zip <zip>] [--staff-api-zip <zip>]};</li>
 *   <li>by the CDK CLI (cdk.json): no arguments; the config comes from the context value {@code tenantConfig}
 *   ({@code npx cdk deploy -c tenantConfig=tenants/x.json}), the output directory from the CLI.</li>
 * </ul>
 * The functions' code defaults to {@code ../functions/target/function.zip} and the staff API's to
 * {@code ../functions/staff-api/target/function.zip} (relative to infra/).
 */
public final class WardwatchApp {

    static final String DEFAULT_FUNCTION_ZIP = "../functions/target/function.zip";
    static final String BUILD_FUNCTION_HINT = "build it from the repository root with: "
            + "mvn -pl functions -am package -DskipTests";
    static final String DEFAULT_STAFF_API_ZIP = "../functions/staff-api/target/function.zip";
    static final String BUILD_STAFF_API_HINT = "build it from the repository root with: "
            + "mvn -pl functions/staff-api -am package -DskipTests";

    private WardwatchApp() {
    }

    public static void main(String[] args) {
        try {
            Map<String, String> options = options(args);
            if (options.containsKey("help")) {
                System.out.println(usage());
                return;
            }
            App app = newApp(options.get("outdir"));
            String configFile = options.get("config");
            if (configFile == null) {
                Object fromContext = app.getNode().tryGetContext("tenantConfig");
                if (fromContext == null) {
                    throw new UsageException("no tenant configuration: pass --config <file>, or -c tenantConfig=<file>"
                            + " to the CDK CLI");
                }
                configFile = fromContext.toString();
            }
            String zip = options.getOrDefault("function-zip", contextOr(app, "functionZip", DEFAULT_FUNCTION_ZIP));
            String staffApiZip = options.getOrDefault("staff-api-zip",
                    contextOr(app, "staffApiZip", DEFAULT_STAFF_API_ZIP));
            TenantConfig config = TenantConfigReader.read(Path.of(configFile));
            System.err.println("[wardwatch] effective threshold table of " + config.tenantId()
                    + " (NEWS2 defaults; an override replaces the defaults' bands on its side(s) of the normal range;"
                    + " a value in a band, as measured, alerts):");
            config.effectiveThresholds().describe().forEach(line -> System.err.println("  " + line));
            TenantStack stack = new TenantStack(app, TenantStack.TenantStackProps.builder()
                    .config(config)
                    .functionCode(functionCode(Path.of(zip)))
                    .staffApiCode(code(Path.of(staffApiZip), "the staff API's code", BUILD_STAFF_API_HINT,
                            "--staff-api-zip"))
                    .build());
            app.synth();
            System.err.println("[wardwatch] synthesized " + stack.getStackName() + " -> "
                    + Path.of(app.getOutdir(), stack.getTemplateFile()));
        } catch (InvalidConfigurationException | UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** An app whose output and context do not depend on whether the CLI runs it (so both synths agree). */
    public static App newApp(String outdir) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("aws:cdk:enable-path-metadata", true);
        fixed.put("aws:cdk:enable-asset-metadata", true);
        fixed.put("aws:cdk:version-reporting", false);
        AppProps.Builder props = AppProps.builder().analyticsReporting(false).postCliContext(fixed);
        if (outdir != null) {
            props.outdir(outdir);
        }
        return new App(props.build());
    }

    /** The function's code from a zip, or a clear message saying how to build it. */
    public static Code functionCode(Path zip) {
        return code(zip, "the function's code", BUILD_FUNCTION_HINT, "--function-zip");
    }

    private static Code code(Path zip, String what, String hint, String option) {
        if (!Files.isRegularFile(zip)) {
            throw new UsageException(what + " " + zip.toAbsolutePath().normalize() + " does not exist; "
                    + hint + " (or pass " + option + ")");
        }
        return Code.fromAsset(zip.toAbsolutePath().normalize().toString());
    }

    private static String contextOr(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> options.put("help", "");
                case "--config", "--outdir", "--function-zip", "--staff-api-zip" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageException(args[i] + " needs a value\n" + usage());
                    }
                    options.put(args[i].substring(2), args[++i]);
                }
                default -> throw new UsageException("unknown argument " + args[i] + "\n" + usage());
            }
        }
        return options;
    }

    private static String usage() {
        return "usage: WardwatchApp --config <tenant.json> [--outdir <dir>] [--function-zip <zip>]"
                + " [--staff-api-zip <zip>]";
    }

    /** A mistake in how the app was called, as opposed to in the tenant configuration. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
