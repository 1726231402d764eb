package org.wardwatch.devicecerts.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.wardwatch.devicecerts.DeviceCertsException;
import org.wardwatch.devicecerts.DeviceNames;
import org.wardwatch.devicecerts.InvalidDeviceException;
import org.wardwatch.devicecerts.KeyType;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code certs}: the command line over the device-certs API. Each subcommand is thin; the work is done by
 * {@code TenantCa}, {@code DeviceIdentity}, {@code TenantFiles} and {@code IotRegistrar}.
 *
 * <p>Exit codes: 0 done, 1 failed (one line on stderr says why), 2 bad arguments (also one line).
 */
@Command(name = "certs", mixinStandardHelpOptions = true, version = "wardwatch device-certs 0.1.0",
        description = "A tenant's device CA and its devices' X.509 identities for AWS IoT.",
        subcommands = {CaCommand.class, IssueCommand.class, IssueBatchCommand.class, RegisterCommand.class,
                RevokeCommand.class, RotateCommand.class, BundleCommand.class})
public final class CertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: ca create, issue, issue-batch, register, revoke, rotate or bundle");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs one command line; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CertsCommand())
                .setOut(out)
                .setErr(err)
                .registerConverter(TenantId.class, converter(DeviceNames::tenant))
                .registerConverter(ThingName.class, converter(DeviceNames::thing))
                .registerConverter(DeviceKind.class, converter(DeviceNames::kind))
                .registerConverter(KeyType.class, converter(KeyType::parse))
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println("error: " + oneLine(e.getMessage()) + " (see '"
                            + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
                    return 2;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    if (e instanceof InvalidDeviceException) {
                        // a bad combination of arguments, found once they are all known
                        cl.getErr().println("error: " + oneLine(e.getMessage()) + " (see '"
                                + cl.getCommandSpec().qualifiedName() + " --help')");
                        return 2;
                    }
                    cl.getErr().println("error: " + describe(e));
                    return 1;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static <T> ITypeConverter<T> converter(java.util.function.Function<String, T> parse) {
        return value -> {
            try {
                return parse.apply(value);
            } catch (DeviceCertsException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    /** A storage profile is a name (a {@code String}), so its option names this converter. */
    public static final class StorageProfileConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) throws Exception {
            return converter(DeviceNames::storageProfile).convert(value);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof DeviceCertsException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return "AWS " + aws.awsErrorDetails().serviceName() + " refused: "
                    + aws.awsErrorDetails().errorCode() + ": " + oneLine(String.valueOf(aws.awsErrorDetails().errorMessage()));
        }
        if (e instanceof SdkException) {
            return "AWS: " + oneLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException io) {
            return oneLine(io.getMessage() + ": " + io.getCause().getMessage());
        }
        return "unexpected " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()));
    }

    private static String oneLine(String message) {
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
