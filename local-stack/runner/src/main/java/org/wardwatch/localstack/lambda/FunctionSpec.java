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
 */
public record FunctionSpec(String name, Path codeDirectory, List<Path> runtimeClasspath, String handler,
                           Map<String, String> environment, Duration timeout, int memoryMb, List<String> jvmOptions) {
}
