package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.emulator.ProjectRoot;

/** {@code ./local-stack/run} as users run it: each case starts its own fresh stack. */
class LocalStackCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LocalStackCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /**
     * icu-shift: threshold alerts, a duplicate, a raw bad message, a late reading. cold-chain: a door left open,
     * a short excursion that ends before its alert, a long one that escalates, a freezing fridge, a freezer blip.
     * rooms: an isolation room (negative), an ordinary room and a protective environment (positive): excursions
     * shorter than 60 s, the 59th second, escalation and downgrade, pressure ignored without isolation.
     * patients (issue 13): two heart-rate sources at one bed, flapping heart rates, a probe-off period, a moved
     * monitor, a scale-2 patient discharged, a fever-only override that keeps the hypothermia CRITICAL, a reading
     * buffered for two hours. Each with --burden: the expected lines, then its alarm burden table.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"icu-shift", "cold-chain", "rooms", "patients"})
    void replayWithBurden_printsExactlyTheExpectedNotificationLines_thenTheAlarmBurden(String example)
            throws Exception {
        Path examples = ProjectRoot.find().resolve("local-stack/examples");

        int exit = run("--replay", examples.resolve(example + ".jsonl").toString(), "--burden");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> expected = new java.util.ArrayList<>(Files.readAllLines(examples.resolve(example + ".expected.jsonl")));
        expected.addAll(Files.readAllLines(examples.resolve(example + ".burden.expected.txt")));
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(expected);
    }

    /**
     * escalation (issue 15), under its own tenant (three tiers of contacts, a vital-sign interval of 60 s so that the
     * oximeters reporting every minute stay in time): a CRITICAL reminded at 3 minutes, escalated to tier 2 at 5 and
     * acknowledged (tier 3 never paged, its resolution after); a CRITICAL that resolves before its reminder (nothing
     * more sent); a WARNING escalated to tier 2 at 15 minutes, not at 14:59, then acknowledged. With --burden.
     */
    @Test
    void replayWithClockAndAckLines_remindsEscalatesAndStopsAtTheAcknowledgement() throws Exception {
        Path examples = ProjectRoot.find().resolve("local-stack/examples");

        int exit = run("--replay", examples.resolve("escalation.jsonl").toString(), "--tenant-config",
                examples.resolve("escalation-tenant.json").toString(), "--burden");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> expected = new java.util.ArrayList<>(
                Files.readAllLines(examples.resolve("escalation.expected.jsonl")));
        expected.addAll(Files.readAllLines(examples.resolve("escalation.burden.expected.txt")));
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(expected);
    }

    /**
     * news2 (issue 14): a patient deteriorating to NEWS2 8 and recovering, a single parameter scoring 3, oxygen
     * started and new confusion entered by nurses, glucose keeping its threshold alert, a discharge; replayed again
     * with W5 on thresholds, the alarm burden of both side by side and the alerts only one of them raised.
     */
    @Test
    void replayWithCompare_printsTheFirstRunsExpectedLines_thenTheSecondRuns_theBurdenOfBoth_andTheDifference()
            throws Exception {
        Path examples = ProjectRoot.find().resolve("local-stack/examples");

        int exit = run("--replay", examples.resolve("news2.jsonl").toString(), "--compare",
                examples.resolve("news2-thresholds-tenant.json").toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> expected = new java.util.ArrayList<>(Files.readAllLines(examples.resolve("news2.expected.jsonl")));
        expected.addAll(Files.readAllLines(examples.resolve("news2.compare-thresholds.expected.txt")));
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void shortRunOfASmallWard_completesAndPrintsTheSummary() {
        int exit = run("--duration", "4", "--devices", "3", "--interval", "0.5");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("wardwatch local stack:").contains("readings stored")
                .contains("dead letters             0").contains("publish -> stored");
        assertThat(printed).containsPattern("messages published +\\d+ \\(acknowledged \\d+, refused 0\\)");
        assertThat(printed).containsPattern("accounted for +(\\d+) of \\1 \\(").doesNotContain("MISSING");
        // Beds 1 and 2 get a patient once the tenant stack has the admission function; until then one line says so.
        if (err.toString(StandardCharsets.UTF_8).contains("the tenant stack has no admission function")) {
            assertThat(printed).contains("admissions               none (the tenant stack has no admission function)");
        } else {
            assertThat(printed).contains("admissions               2 patients\n");
        }
    }

    @Test
    void replayFileWithABadLine_isRefusedBeforeAnythingStarts_namingTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, """
                {"declare":"device","thing":"icu3-bed1-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"1"}
                {"device":"icu3-bed2-spo2","deviceTime":"2026-11-24T10:00:00Z","readings":[]}
                """);

        int exit = run("--replay", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 2: device icu3-bed2-spo2 is not declared on an earlier line")
                .doesNotContain("starting the AWS emulator");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badArgument_isAOneLineErrorWithExitCode2() {
        int exit = run("--duration", "soon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--duration");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--burden|--burden needs --replay FILE",
            "--compare local-stack/tenant.json|--compare needs --replay FILE",
            "--replay no-such.jsonl|--replay: no such file: no-such.jsonl",
            "--replay local-stack/examples/icu-shift.jsonl --compare no-such.json|--compare: no such file: no-such.json",
            "--replay local-stack/examples/icu-shift.jsonl --tenant-config no-such.json|--tenant-config: no such file: no-such.json"})
    void badReplayOptions_areOneLineWithExitCode2_beforeAnythingStarts(String caseAndMessage) {
        String[] parts = caseAndMessage.split("\\|");
        Path root = ProjectRoot.find();
        String[] args = java.util.Arrays.stream(parts[0].split(" "))
                .map(a -> a.startsWith("local-stack/") ? root.resolve(a).toString() : a).toArray(String[]::new);

        int exit = run(args);

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(printed).isEqualTo("local-stack: " + parts[1] + " (--help lists every option)\n");
        assertThat(printed).doesNotContain("starting the AWS emulator").doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void admissionsSummaryLine_countsThePatients_namesTheEmptyBed_orSaysWhyThereAreNone() {
        var ward = org.wardwatch.localstack.ward.SimulatedDevice.ward(31);
        var patients = org.wardwatch.localstack.ward.WardAdmissions.of(ward);

        assertThat(LocalStackCommand.admissions(patients, ward)).isEqualTo("11 patients (ICU-3 bed 7 empty)");
        assertThat(LocalStackCommand.admissions(null, ward)).isEqualTo("none (the tenant stack has no admission function)");
    }

    @Test
    void presenceSummaryLine_namesEveryOutcomeOfThePresenceFunction_andWhatWasDeadLettered() {
        PipelineStats stats = new PipelineStats();
        PipelineStats.EventCounts presence = stats.presence();
        for (String outcome : java.util.List.of("RECORDED", "RECORDED", "DUPLICATE")) {
            presence.matched();
            presence.completed(new org.wardwatch.localstack.lambda.AsyncInvoker.Outcome(true, 1,
                    new org.wardwatch.localstack.lambda.InvocationResult("r", false,
                            "{\"outcome\":\"" + outcome + "\",\"reason\":\"x\"}", null)), 5);
        }
        presence.matched();
        presence.errorAction();

        assertThat(LocalStackCommand.events("presence", presence))
                .isEqualTo("4 (RECORDED 2, STALE 0, DUPLICATE 1, QUARANTINED 0, dead-lettered 1)");
    }
}
