package org.wardwatch.localstack.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Synthesizes the tenant's CloudFormation template with the infra module's own CDK app, offline, so the local
 * stack is built from exactly what {@code cdk deploy} would deploy. The template is reused while the tenant
 * configuration and the compiled infra app are unchanged.
 */
public final class TenantSynth {

    private TenantSynth() {
    }

    /** Returns the template of {@code config}, synthesizing it into {@code outDir} when needed. */
    public static Path template(Path root, Path config, Path functionZip, Path outDir) {
        Path infra = root.resolve("infra");
        Path classes = infra.resolve("target/classes");
        Path classpath = infra.resolve("target/runtime-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) {
            throw new IllegalStateException("the infra app is not built: run mvn -B -pl infra -am compile");
        }
        try {
            String inputs = digest(config, classpath, newest(classes));
            Path stamp = outDir.resolve("inputs.sha256");
            Path existing = findTemplate(outDir);
            if (existing != null && Files.isRegularFile(stamp) && Files.readString(stamp).equals(inputs)) {
                return existing;
            }
            Files.createDirectories(outDir);
            Path tmp = Files.createDirectories(infra.resolve("target/tmp"));
            Path log = outDir.resolve("synth.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp,
                    "-cp", classes + java.io.File.pathSeparator + Files.readString(classpath).trim(),
                    "org.wardwatch.infra.WardwatchApp",
                    "--config", config.toAbsolutePath().toString(),
                    "--outdir", outDir.toAbsolutePath().toString(),
                    "--function-zip", functionZip.toAbsolutePath().toString(),
                    "--staff-api-zip", staffApiZip(root).toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(infra.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("TMPDIR", tmp.toString());
            builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("CDK synth took over 5 minutes; see " + log);
            }
            Path template = findTemplate(outDir);
            if (process.exitValue() != 0 || template == null) {
                throw new IllegalStateException("CDK synth of " + config + " failed (exit " + process.exitValue()
                        + "):\n" + Files.readString(log).strip());
            }
            Files.writeString(stamp, inputs);
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during synth", e);
        }
    }

    /**
     * The staff API's code, which the template names as an asset (the local stack does not run it yet); the runner's
     * build builds it first (pom.xml).
     */
    private static Path staffApiZip(Path root) {
        Path zip = root.resolve("functions/staff-api/target/function.zip").toAbsolutePath();
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the staff API is not built (" + zip + "): run mvn -B -pl "
                    + "functions/staff-api -am package -DskipTests");
        }
        return zip;
    }

    private static Path findTemplate(Path outDir) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(outDir)) {
            List<Path> templates = files.filter(p -> p.getFileName().toString().endsWith(".template.json")).toList();
            return templates.size() == 1 ? templates.get(0) : null;
        }
    }

    private static String newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return Long.toString(files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified())
                    .max().orElse(0));
        }
    }

    private static String digest(Path config, Path classpath, String classesStamp) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(config));
            sha.update(Files.readAllBytes(classpath));
            sha.update(classesStamp.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
