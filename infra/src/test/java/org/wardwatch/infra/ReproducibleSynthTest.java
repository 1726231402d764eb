package org.wardwatch.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synth is reproducible: the example tenant synthesized in this JVM and again in a fresh JVM (through the app's
 * main method, as ./synth runs it) gives byte-identical templates. A fresh JVM matters: {@code Map.of} iteration
 * order changes between JVMs, not within one.
 */
class ReproducibleSynthTest {

    @Test
    void twoSynthsInDifferentJvms_giveByteIdenticalTemplates() throws Exception {
        Path inThisJvm = SynthesizedTenants.exampleTemplate();
        Path outdir = SynthesizedTenants.TARGET.resolve("cdk-test/example-in-fresh-jvm");

        Process process = freshJvm(List.of("--config", "tenants/example-hospital.json", "--outdir", outdir.toString(),
                "--function-zip", SynthesizedTenants.emptyFunctionZip().toString(),
                "--staff-api-zip", SynthesizedTenants.emptyFunctionZip().toString()));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Path inFreshJvm = outdir.resolve(inThisJvm.getFileName());
        assertThat(output).contains("synthesized wardwatch-example-hospital -> " + inFreshJvm);
        assertThat(Files.readString(inFreshJvm)).isEqualTo(Files.readString(inThisJvm));
        assertThat(Files.mismatch(inFreshJvm, inThisJvm)).isEqualTo(-1L);
    }

    @Test
    void missingFunctionZip_failsWithTheCommandThatBuildsIt() throws Exception {
        Process process = freshJvm(List.of("--config", "tenants/example-hospital.json",
                "--outdir", SynthesizedTenants.TARGET.resolve("cdk-test/never-written").toString(),
                "--function-zip", SynthesizedTenants.TARGET.resolve("no-such/function.zip").toString()));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("no-such/function.zip does not exist",
                "mvn -pl functions -am package -DskipTests");
    }

    @Test
    void missingStaffApiZip_failsWithTheCommandThatBuildsIt() throws Exception {
        Process process = freshJvm(List.of("--config", "tenants/example-hospital.json",
                "--outdir", SynthesizedTenants.TARGET.resolve("cdk-test/never-written").toString(),
                "--function-zip", SynthesizedTenants.emptyFunctionZip().toString(),
                "--staff-api-zip", SynthesizedTenants.TARGET.resolve("no-such/staff-api.zip").toString()));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("the staff API's code", "no-such/staff-api.zip does not exist",
                "mvn -pl functions/staff-api -am package -DskipTests", "--staff-api-zip");
    }

    @Test
    void invalidTenantConfig_failsSynthNamingTheField() throws Exception {
        Path config = SynthesizedTenants.TARGET.resolve("cdk-test/bad-tenant.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, Files.readString(Path.of("tenants/example-hospital.json"))
                .replace("\"protocol\": \"email\"", "\"protocol\": \"pager\""));

        Process process = freshJvm(List.of("--config", config.toString(),
                "--function-zip", SynthesizedTenants.emptyFunctionZip().toString(),
                "--staff-api-zip", SynthesizedTenants.emptyFunctionZip().toString()));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("contacts[1].protocol: must be sms or email",
                "contacts[2].protocol: must be sms or email");
    }

    private static Process freshJvm(List<String> args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), WardwatchApp.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TMPDIR", System.getProperty("java.io.tmpdir"));
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        return builder.start();
    }
}
