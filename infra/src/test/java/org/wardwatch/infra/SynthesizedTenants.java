package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantConfig;
import org.wardwatch.model.tenant.TenantConfigReader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tenants the tests look at, synthesized once per test JVM (a CDK app costs 15-20 s and most of a gigabyte):
 * {@code st-aurelia} (JVM function, two contacts, threshold overrides, every cold-chain setting, reserved
 * concurrency) and {@code harbour-clinic} (native function, defaults but for the cold-chain retention), side by side
 * in one app, same account and region.
 */
final class SynthesizedTenants {

    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final String JVM_TENANT = "st-aurelia";
    static final String NATIVE_TENANT = "harbour-clinic";

    private static SynthesizedTenants instance;

    static {
        // jsii's node process makes its working directories in TMPDIR (target/tmp, see pom.xml): it must exist.
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final Path outdir = TARGET.resolve("cdk-test/side-by-side");
    final TenantStack jvmStack;
    final TenantStack nativeStack;
    final Template jvm;
    final Template nativeTemplate;

    private SynthesizedTenants() {
        App app = WardwatchApp.newApp(outdir.toString());
        jvmStack = stack(app, JVM_TENANT);
        nativeStack = stack(app, NATIVE_TENANT);
        app.synth();
        jvm = Template.fromStack(jvmStack);
        nativeTemplate = Template.fromStack(nativeStack);
    }

    private static Path exampleTemplate;

    /**
     * The committed example tenant, synthesized in this JVM the way {@code ./synth} does it (its own app, the
     * configuration file read from tenants/); returns the template file.
     */
    static synchronized Path exampleTemplate() {
        if (exampleTemplate == null) {
            Path outdir = TARGET.resolve("cdk-test/example-in-test-jvm");
            App app = WardwatchApp.newApp(outdir.toString());
            TenantStack stack = new TenantStack(app, TenantStack.TenantStackProps.builder()
                    .config(TenantConfigReader.read(Path.of("tenants/example-hospital.json")))
                    .functionCode(WardwatchApp.functionCode(emptyFunctionZip()))
                    .staffApiCode(WardwatchApp.functionCode(emptyFunctionZip()))
                    .build());
            app.synth();
            exampleTemplate = outdir.resolve(stack.getTemplateFile());
        }
        return exampleTemplate;
    }

    static synchronized SynthesizedTenants get() {
        if (instance == null) {
            instance = new SynthesizedTenants();
        }
        return instance;
    }

    static TenantStack stack(App app, String tenant) {
        return new TenantStack(app, TenantStack.TenantStackProps.builder()
                .config(config(tenant))
                .functionCode(WardwatchApp.functionCode(emptyFunctionZip()))
                .staffApiCode(WardwatchApp.functionCode(emptyFunctionZip()))
                .build());
    }

    static TenantConfig config(String tenant) {
        return TenantConfigReader.read(Path.of("src/test/resources/tenants", tenant + ".json"));
    }

    /** The template file the app wrote for a stack. */
    Path templateFile(TenantStack stack) {
        return outdir.resolve(stack.getTemplateFile());
    }

    /**
     * A stand-in for functions/target/function.zip and functions/staff-api/target/function.zip, so the infra tests
     * need no function build: an empty zip (only
     * the end-of-central-directory record), always the same bytes.
     */
    static synchronized Path emptyFunctionZip() {
        Path zip = TARGET.resolve("test-function/function.zip");
        try {
            Files.createDirectories(zip.getParent());
            byte[] empty = new byte[22];
            empty[0] = 'P';
            empty[1] = 'K';
            empty[2] = 5;
            empty[3] = 6;
            Files.write(zip, empty);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
