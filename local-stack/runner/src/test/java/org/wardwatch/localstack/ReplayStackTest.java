package org.wardwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardwatch.emulator.ProjectRoot;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Replay lines that change the ward, and recorded files of another year, run on one stack started as a replay
 * starts it (the functions read the device registry on every message). Each test uses devices and beds of its own.
 * The admission tests need the tenant stack's admission function, the ack and clock tests its acknowledge and
 * escalation functions; without them they are skipped, not passed.
 */
class ReplayStackTest {

    private static LocalStack stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTheTenantStack() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/replay-stack-test"), 1,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err, false, null)
                .withFunctionEnvironment(LocalStack.Options.REPLAY_ENVIRONMENT));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private List<String> replay(String file) throws Exception {
        Path path = dir.resolve("replay.jsonl");
        Files.writeString(path, file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Replay.run(ReplayFile.parse(path, stack.tenant().tenantId()), stack,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed.get(printed.size() - 1)).startsWith("{\"summary\":");
        return printed.subList(0, printed.size() - 1);
    }

    @Test
    void aMovedMonitor_isAtItsNewBedFromTheNextReading_withTheCertificateAndConnectionItHad() throws Exception {
        List<String> lines = replay("""
                {"declare":"device","thing":"replay-move-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"20"}
                {"device":"replay-move-spo2","deviceTime":"2026-11-24T22:00:00Z","readings":[{"metric":"spo2","value":97,"unit":"%"}]}
                {"declare":"device","thing":"replay-move-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"21"}
                {"device":"replay-move-spo2","deviceTime":"2026-11-24T22:01:00Z","readings":[{"metric":"spo2","value":84,"unit":"%"}]}
                """);

        // The first reading put bed 20's registry row in the function's cache; without reading it again on every
        // message the alert would name bed 20.
        assertThat(lines).containsExactly("{\"device\":\"replay-move-spo2\",\"type\":\"THRESHOLD\",\"metric\":\"spo2\","
                + "\"severity\":\"CRITICAL\",\"transition\":\"OPENED\",\"value\":84,\"deviceTime\":\"2026-11-24T22:01:00Z\","
                + "\"ward\":\"ICU-3\",\"bed\":\"21\"}");
        Map<String, AttributeValue> row = stack.dynamo().getItem(b -> b.tableName(stack.tenant().devicesTable())
                .key(Map.of("thingName", AttributeValue.fromS("replay-move-spo2")))).item();
        assertThat(row.get("bed").s()).isEqualTo("21");
        assertThat(stack.iot().describeThing(b -> b.thingName("replay-move-spo2")).attributes()).containsEntry("bed", "21");
        assertThat(stack.iot().listThingPrincipals(b -> b.thingName("replay-move-spo2")).principals()).hasSize(1)
                .allSatisfy(arn -> assertThat(arn).endsWith(row.get("certificateId").s()));
    }

    @Test
    void aFileRecordedIn2024_alertsAsIfJustRecorded_andPrintsItsOwnTimes() throws Exception {
        // Two hours from the first line to the last: every line is received at its own (moved) time, so the first
        // is not older than the stale-reading limit when it arrives.
        List<String> lines = replay("""
                {"declare":"device","thing":"replay-2024-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"22"}
                {"device":"replay-2024-spo2","deviceTime":"2024-03-10T06:00:00Z","readings":[{"metric":"spo2","value":84,"unit":"%"}]}
                {"device":"replay-2024-spo2","deviceTime":"2024-03-10T08:00:00Z","readings":[{"metric":"spo2","value":97,"unit":"%"}]}
                """);

        assertThat(lines).startsWith("{\"device\":\"replay-2024-spo2\",\"type\":\"THRESHOLD\",\"metric\":\"spo2\","
                + "\"severity\":\"CRITICAL\",\"transition\":\"OPENED\",\"value\":84,\"deviceTime\":\"2024-03-10T06:00:00Z\","
                + "\"ward\":\"ICU-3\",\"bed\":\"22\"}");
    }

    @Test
    void anAdmissionLine_withoutTheAdmissionFunction_stopsTheReplayNamingTheLine() throws Exception {
        assumeFalse(stack.hasAdmissions(), "the tenant stack has an admission function");

        IllegalStateException stopped = catchThrowableOfType(() -> replay("""
                {"declare":"device","thing":"replay-noadm-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"23"}
                {"declare":"admission","ward":"ICU-3","bed":"23","patientRef":"adm-0023","by":"dr-0012"}
                """), IllegalStateException.class);

        assertThat(stopped).hasMessage("line 2: the tenant stack has no admission function (handler \"admission\")");
    }

    @Test
    void anAdmittedPatientsAlert_namesThePatient_andTheDischargeResolvesIt() throws Exception {
        assumeTrue(stack.hasAdmissions(), "the tenant stack has no admission function yet");

        List<String> lines = replay("""
                {"declare":"device","thing":"replay-adm-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"24"}
                {"declare":"admission","ward":"ICU-3","bed":"24","patientRef":"adm-0024","by":"dr-0012","time":"2026-11-24T21:00:00Z"}
                {"device":"replay-adm-spo2","deviceTime":"2026-11-24T22:00:00Z","readings":[{"metric":"spo2","value":84,"unit":"%"}]}
                {"declare":"discharge","ward":"ICU-3","bed":"24","by":"rn-0040"}
                """);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"transition\":\"OPENED\"").endsWith("\"deviceTime\":\"2026-11-24T22:00:00Z\","
                + "\"ward\":\"ICU-3\",\"bed\":\"24\",\"patientRef\":\"adm-0024\"}");
        assertThat(lines.get(1)).contains("\"transition\":\"RESOLVED\"").contains("\"bed\":\"24\"")
                .contains("\"patientRef\":\"adm-0024\"").endsWith("\"reason\":\"DISCHARGED\"}");
    }

    @Test
    void anAdmissionTheServiceRefuses_stopsTheReplayWithItsMessage_namingTheLine() throws Exception {
        assumeTrue(stack.hasAdmissions(), "the tenant stack has no admission function yet");

        IllegalStateException stopped = catchThrowableOfType(() -> replay("""
                {"declare":"device","thing":"replay-twice-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"25"}
                {"declare":"admission","ward":"ICU-3","bed":"25","patientRef":"adm-0025","by":"dr-0012"}
                {"declare":"admission","ward":"ICU-3","bed":"25","patientRef":"adm-0026","by":"dr-0012"}
                """), IllegalStateException.class);

        assertThat(stopped.getMessage()).startsWith("line 3: ").doesNotContain("\n");
    }

    @Test
    void anAckLine_withoutTheAcknowledgeFunction_stopsTheReplayNamingTheLine() throws Exception {
        assumeFalse(stack.hasFunction(StackFunctions.ACKNOWLEDGE), "the tenant stack has an acknowledge function");

        IllegalStateException stopped = catchThrowableOfType(() -> replay("""
                {"declare":"device","thing":"replay-noack-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"30"}
                {"ack":{"ward":"ICU-3","bed":"30","type":"THRESHOLD","metric":"spo2"},"by":"nurse-0017"}
                """), IllegalStateException.class);

        assertThat(stopped).hasMessage("line 2: the tenant stack has no acknowledge function (handler \"acknowledge\")");
    }

    @Test
    void aClockLine_withoutTheEscalationFunction_stopsTheReplayNamingTheLine() throws Exception {
        assumeFalse(stack.hasFunction(StackFunctions.ESCALATION), "the tenant stack has an escalation function");

        IllegalStateException stopped = catchThrowableOfType(() -> replay("""
                {"clock":"2026-11-20T10:05:30Z"}
                """), IllegalStateException.class);

        assertThat(stopped).hasMessage("line 1: the tenant stack has no escalation function (handler \"escalation\")");
    }

    @Test
    void aCriticalNobodyTook_isRemindedAtTheClockLine_andTheAcknowledgementTellsWhoTookIt_thenNothingMore()
            throws Exception {
        assumeTrue(stack.hasFunction(StackFunctions.ACKNOWLEDGE) && stack.hasFunction(StackFunctions.ESCALATION),
                "the tenant stack has no acknowledge and escalation functions yet");

        // The checks are the tenant's: other tests' alerts and devices may be reminded or flagged silent too.
        List<String> lines = replay("""
                {"declare":"device","thing":"replay-esc-spo2","kind":"pulse_oximeter","ward":"ICU-3","bed":"31"}
                {"device":"replay-esc-spo2","deviceTime":"2026-11-20T10:02:00Z","readings":[{"metric":"spo2","value":84,"unit":"%"}]}
                {"clock":"2026-11-20T10:04:30Z"}
                {"clock":"2026-11-20T10:05:30Z"}
                {"ack":{"ward":"ICU-3","bed":"31","type":"THRESHOLD","metric":"spo2"},"by":"nurse-0017","time":"2026-11-20T10:06:00Z"}
                {"clock":"2026-11-20T10:15:00Z"}
                """).stream().filter(l -> l.contains("\"bed\":\"31\"") && l.contains("\"metric\":\"spo2\"")).toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"severity\":\"CRITICAL\",\"transition\":\"OPENED\"");
        assertThat(lines.get(1)).startsWith("{\"type\":\"THRESHOLD\",\"metric\":\"spo2\",\"severity\":\"CRITICAL\","
                + "\"transition\":\"REMINDER\",\"tier\":1,\"time\":\"2026-11-20T10:05:30Z\"");
        assertThat(lines.get(2)).contains("\"transition\":\"ACKNOWLEDGED\"").contains("\"by\":\"nurse-0017\"")
                .contains("\"time\":\"2026-11-20T10:06:00Z\"");
    }
}
