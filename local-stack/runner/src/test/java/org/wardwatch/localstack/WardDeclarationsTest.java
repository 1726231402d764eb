package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.localstack.ReplayFile.WardPolicy;
import org.wardwatch.model.tenant.VitalsPolicy;

/** A replay's ward declarations are configuration: merged into the tenant configuration the stack is built from. */
class WardDeclarationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aDeclaredWard_isAddedAsAWardsBlock_leavingTheRestOfTheConfigurationAsItWas() throws Exception {
        var config = JSON.readTree("{\"tenantId\":\"demo-hospital\",\"timeZone\":\"Europe/London\"}");

        WardDeclarations.Merged merged = WardDeclarations.merge(config,
                List.of(new WardPolicy(1, "W5", VitalsPolicy.NEWS2), new WardPolicy(2, "ICU-3", VitalsPolicy.THRESHOLDS)));

        assertThat(merged.config().toString()).isEqualTo("{\"tenantId\":\"demo-hospital\",\"timeZone\":\"Europe/London\","
                + "\"wards\":{\"W5\":{\"vitals\":\"news2\"},\"ICU-3\":{\"vitals\":\"thresholds\"}}}");
        assertThat(merged.overruled()).isEmpty();
        assertThat(config.has("wards")).as("the configuration read is not changed").isFalse();
    }

    @Test
    void theConfiguredPolicyOfAWardWinsOverItsDeclaration_keepingItsOtherSettingsAndOtherWards_andSaysSo()
            throws Exception {
        var config = JSON.readTree("{\"wards\":{\"W5\":{\"vitals\":\"thresholds\",\"note\":1},\"W6\":{\"vitals\":\"news2\"}}}");

        WardDeclarations.Merged merged = WardDeclarations.merge(config, List.of(new WardPolicy(4, "W5", VitalsPolicy.NEWS2),
                new WardPolicy(5, "W7", VitalsPolicy.NEWS2)));

        assertThat(merged.config().toString()).isEqualTo("{\"wards\":{\"W5\":{\"vitals\":\"thresholds\",\"note\":1},"
                + "\"W6\":{\"vitals\":\"news2\"},\"W7\":{\"vitals\":\"news2\"}}}");
        assertThat(merged.overruled()).containsExactly("ward W5: vitals thresholds as configured, not news2 as replay "
                + "line 4 declares");
    }

    @Test
    void aFileWithoutWardDeclarations_runsUnderTheConfigurationItself_andOneWithThemUnderTheMergedFile()
            throws Exception {
        Path config = dir.resolve("tenant.json");
        Files.writeString(config, "{\"tenantId\":\"demo-hospital\"}");
        Path file = dir.resolve("w5.jsonl");
        Files.writeString(file, "{\"declare\":\"ward\",\"ward\":\"W5\",\"vitals\":\"news2\"}\n");
        Path target = dir.resolve("run/replay-tenant.json");
        PrintStream progress = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(WardDeclarations.configuration(config, List.of(), target, progress)).isEqualTo(config);
        assertThat(WardDeclarations.configuration(config, ReplayFile.parse(file, "demo-hospital"), target, progress))
                .isEqualTo(target);
        assertThat(JSON.readTree(target.toFile()).toString())
                .isEqualTo("{\"tenantId\":\"demo-hospital\",\"wards\":{\"W5\":{\"vitals\":\"news2\"}}}");
    }
}
