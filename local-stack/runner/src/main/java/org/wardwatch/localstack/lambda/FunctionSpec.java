package org.wardwatch.localstack.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A function as the stack deploys it: its code (the unzipped function.zip), handler, environment and timeout.
 *
 * @param codeDirectory the unzipped function.zip: classes at its root, jars in {@code lib/} (Lambda's /var/task)
 * @param runtimeClasspath the Runtime Interface Client's jars (Lambda's /var/runtime)
 * @param jvmOptions what the stack's JAVA_TOOL_OPTIONS would add
 * @param javaHome the JDK that runs the function; null for the one running the stack
 * @param classpath the function process's class path; null for Lambda's: the code directory, its {@code lib/*},
 *                  then the runtime client. (Benchmarks replace it: CDS and AOT caches refuse a non-empty
 *                  directory on the class path, so they run the code directory's classes as a jar.)
 */
public record FunctionSpec(String name, Path codeDirectory, List<Path> runtimeClasspath, String handler,
                           Map<String, String> environment, Duration timeout, int memoryMb, List<String> jvmOptions,
                           Path javaHome, List<Path> classpath) {

    /** Run by the stack's own JDK with Lambda's class path. */
    public FunctionSpec(String name, Path codeDirectory, List<Path> runtimeClasspath, String handler,
                        Map<String, String> environment, Duration timeout, int memoryMb, List<String> jvmOptions) {
        this(name, codeDirectory, runtimeClasspath, handler, environment, timeout, memoryMb, jvmOptions, null, null);
    }
}
