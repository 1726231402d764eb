package org.wardwatch.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How every function of a tenant starts (docs/performance.md, section 2): a JVM function runs java21 from a
 * SnapStart snapshot of a published version, its JVM with C1 only and the serial collector; a native one has no JVM
 * options. Every function: a new one added through {@link TenantFunction} is checked too.
 */
class FunctionStartupTest {

    private static Template jvm;
    private static Template nativeTemplate;

    @BeforeAll
    static void synthesize() {
        jvm = SynthesizedTenants.get().jvm;
        nativeTemplate = SynthesizedTenants.get().nativeTemplate;
    }

    @Test
    void everyJvmFunction_runsFromASnapshot_withC1AndTheSerialCollector() {
        Map<String, Map<String, Object>> functions = functions(jvm);
        assertThat(functions).hasSizeGreaterThanOrEqualTo(5);
        functions.forEach((id, properties) -> {
            assertThat(properties).as(id).containsEntry("Runtime", "java21")
                    .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            assertThat(variables(properties)).as(id)
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        });
    }

    @Test
    void everyJvmFunction_isInvokedThroughAnAliasOfAPublishedVersion_whichSnapStartNeeds() {
        assertThat(jvm.findResources("AWS::Lambda::Alias")).hasSameSizeAs(functions(jvm));
        assertThat(jvm.findResources("AWS::Lambda::Version")).hasSameSizeAs(functions(jvm));
    }

    @Test
    void nativeFunctions_haveNoJvmOptionsAndNoSnapshot() {
        Map<String, Map<String, Object>> functions = functions(nativeTemplate);
        // The staff API's artifact is built for the JVM only: it runs on java21 in every tenant (StaffApiTest).
        assertThat(functions.remove(TemplateJson.logicalId(nativeTemplate, "AWS::Lambda::Function",
                "StaffApiFunction"))).containsEntry("Runtime", "java21");
        assertThat(functions).hasSizeGreaterThanOrEqualTo(5);
        functions.forEach((id, properties) -> {
            assertThat(properties).as(id).containsEntry("Runtime", "provided.al2023").doesNotContainKey("SnapStart");
            assertThat(variables(properties)).as(id).doesNotContainKey("JAVA_TOOL_OPTIONS");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> functions(Template template) {
        Map<String, Map<String, Object>> functions = new TreeMap<>();
        template.findResources("AWS::Lambda::Function").forEach((id, resource) ->
                functions.put(id, (Map<String, Object>) ((Map<String, Object>) resource).get("Properties")));
        return functions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> properties) {
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }
}
