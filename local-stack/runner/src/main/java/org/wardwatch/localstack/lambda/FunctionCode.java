package org.wardwatch.localstack.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks a function.zip the way Lambda lays it out in /var/task, and finds the runtime client's jars. */
public final class FunctionCode {

    private FunctionCode() {
    }

    /** Unzips {@code zip} into {@code target} (emptied first). */
    public static Path unpack(Path zip, Path target) {
        if (!Files.isRegularFile(zip)) {
            throw new FunctionStartException("no function package at " + zip
                    + ": build it with mvn -B -pl functions -am package -DskipTests");
        }
        try {
            deleteRecursively(target);
            Files.createDirectories(target);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new FunctionStartException("function.zip entry escapes its directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip, e);
        }
    }

    /** The jars of the Runtime Interface Client in {@code directory} (copied there by the build). */
    public static List<Path> runtimeClient(Path directory) {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
                stream.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))) {
            throw new FunctionStartException("the Lambda Runtime Interface Client is not in " + directory
                    + ": build it with mvn -B -pl local-stack/runner -am package -DskipTests");
        }
        jars.sort(null);
        return jars;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The JVM option that points the Runtime Interface Client at its JNI library, extracted once into
     * {@code directory}. Without it every instance extracts to the same /tmp/.libaws-lambda-jni.so, and
     * instances starting together overwrite each other's copy.
     */
    public static String nativeLibraryOption(List<Path> runtimeClient, Path directory) {
        String arch = System.getProperty("os.arch");
        String name = "libaws-lambda-jni.linux-" + (arch.equals("aarch64") ? "aarch_64" : "x86_64") + ".so";
        Path ric = runtimeClient.stream()
                .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst().orElseThrow();
        Path target = directory.resolve(name);
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(ric.toFile())) {
            ZipEntry entry = jar.getEntry("jni/" + name);
            if (entry == null) {
                throw new FunctionStartException(ric + " has no " + name + " for this platform");
            }
            Files.createDirectories(directory);
            try (var in = jar.getInputStream(entry)) {
                Path partial = Files.createTempFile(directory, name, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + name + " from " + ric, e);
        }
        return "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + target;
    }
}
