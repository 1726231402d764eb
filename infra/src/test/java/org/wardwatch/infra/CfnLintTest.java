package org.wardwatch.infra;

import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoInstallation;
import org.wardwatch.emulator.ProjectRoot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cfn-lint (pinned in local-stack/requirements.txt, installed with moto into local-stack/.venv) on the synthesized
 * templates. Errors fail the test, and so does every warning except those listed in {@link #ACCEPTED_WARNINGS}.
 */
class CfnLintTest {

    /**
     * W3005 "dependency already enforced by a GetAtt": CDK itself adds DependsOn on the function's role next to the
     * GetAtt of its ARN, so that the role's policy exists before the function. Redundant, harmless, not ours.
     */
    static final Set<String> ACCEPTED_WARNINGS = Set.of("W3005");

    @Test
    void synthesizedTemplates_haveNoErrorsAndOnlyAcceptedWarnings() throws Exception {
        Path moto = MotoInstallation.forProject(ProjectRoot.find()).ensureInstalled();
        Path cfnLint = moto.resolveSibling("cfn-lint");
        SynthesizedTenants tenants = SynthesizedTenants.get();
        List<Path> templates = List.of(tenants.templateFile(tenants.jvmStack),
                tenants.templateFile(tenants.nativeStack), SynthesizedTenants.exampleTemplate());

        List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--format", "parseable"));
        templates.forEach(template -> command.add(template.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        List<String> findings = output.lines().filter(line -> !line.isBlank()).toList();
        List<String> unaccepted = findings.stream()
                .filter(line -> ACCEPTED_WARNINGS.stream().noneMatch(rule -> line.contains(":" + rule + ":")))
                .toList();
        assertThat(unaccepted).as("cfn-lint findings:\n%s", output).isEmpty();
        // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means it could not run.
        assertThat(process.exitValue() & 3).as("cfn-lint exit code %s:\n%s", process.exitValue(), output).isZero();
    }
}
