package org.wardwatch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cloud assembly says about the stack as a whole: where it goes and how hard it is to delete. */
class TenantStackTest {

    private static JsonNode artifact;

    @BeforeAll
    static void synthesize() throws Exception {
        SynthesizedTenants tenants = SynthesizedTenants.get();
        JsonNode manifest = new ObjectMapper().readTree(tenants.outdir.resolve("manifest.json").toFile());
        artifact = manifest.get("artifacts").get("wardwatch-st-aurelia");
        assertThat(artifact).as("the stack's artifact in %s", tenants.outdir).isNotNull();
    }

    @Test
    void stack_deploysToTheTenantsAccountAndRegion() {
        assertThat(artifact.get("environment").asText()).isEqualTo("aws://111111111111/eu-west-1");
        assertThat(SynthesizedTenants.get().jvmStack.getStackName()).isEqualTo("wardwatch-st-aurelia");
    }

    @Test
    void stack_isProtectedFromTermination() {
        assertThat(artifact.get("properties").get("terminationProtection").asBoolean()).isTrue();
    }

    @Test
    void stack_isTaggedForTheTenantAndAsHoldingPhi() {
        JsonNode tags = artifact.get("properties").get("tags");
        assertThat(tags.get("tenant").asText()).isEqualTo("st-aurelia");
        assertThat(tags.get("data-classification").asText()).isEqualTo("PHI");
    }
}
