package org.wardwatch.model.tenant;

/** How the telemetry function is built: a JVM artifact (java21 with SnapStart) or a native executable. */
public enum FunctionRuntime {
    JVM,
    NATIVE
}
