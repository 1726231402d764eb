package org.wardwatch.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.wardwatch.localstack.lambda.FunctionCode;
import org.wardwatch.localstack.lambda.FunctionSpec;

/**
 * The unpacked function.zip and the two class paths the benchmarks run it with: Lambda's (the code directory
 * first, then {@code lib/*}) and the same classes as a jar. CDS and AOT caches refuse a non-empty directory on
 * the class path, and function.zip has its classes at the root, so the cached variants run
 * {@code function-classes.jar} (every file at the zip's root except {@code lib/} and the manifest, whose
 * {@code Class-Path} would name jars that are not beside it) followed by {@code lib/}'s jars in name order.
 */
final class FunctionLaunch {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final int MEMORY_MB = 1024;

    private final Path code;
    private final List<Path> runtimeClient;
    private final List<Path> jarredClasspath;
    private final String jniOption;

    FunctionLaunch(Path functionZip, Path runtimeClientDirectory, Path work) {
        this.code = FunctionCode.unpack(functionZip, work.resolve("task"));
        this.runtimeClient = FunctionCode.runtimeClient(runtimeClientDirectory);
        this.jniOption = FunctionCode.nativeLibraryOption(runtimeClient, work.resolve("jni"));
        Path jar = jarClasses(code, work.resolve("app").resolve("function-classes.jar"));
        List<Path> classpath = new ArrayList<>();
        classpath.add(jar);
        try (Stream<Path> libs = Files.list(code.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classpath::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classpath.addAll(runtimeClient);
        this.jarredClasspath = List.copyOf(classpath);
    }

    /**
     * @param javaHome null for the JDK running the benchmark
     * @param jarred whether to run the jarred class path instead of Lambda's
     */
    FunctionSpec spec(BenchTenant tenant, Path javaHome, boolean jarred, List<String> jvmOptions) {
        return spec(tenant, javaHome, jarred, jvmOptions, Map.of());
    }

    /** @param environment added to the tenant's function environment, e.g. the stack's JAVA_TOOL_OPTIONS */
    FunctionSpec spec(BenchTenant tenant, Path javaHome, boolean jarred, List<String> jvmOptions,
                      Map<String, String> environment) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add(jniOption);
        Map<String, String> env = new LinkedHashMap<>(tenant.functionEnvironment());
        env.putAll(environment);
        return new FunctionSpec("bench-telemetry", code, runtimeClient, HANDLER, env,
                Duration.ofSeconds(60), MEMORY_MB, options, javaHome, jarred ? jarredClasspath : null);
    }

    private static Path jarClasses(Path code, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                 Stream<Path> files = Files.walk(code)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = code.relativize(file).toString().replace('\\', '/');
                    if (name.startsWith("lib/") || name.equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not jar the function's classes into " + jar, e);
        }
    }
}
