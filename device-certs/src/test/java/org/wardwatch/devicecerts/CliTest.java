package org.wardwatch.devicecerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;

/** The command line's contract: one-line errors, exit codes, batch issuing. No AWS needed. */
class CliTest {

    @TempDir
    Path out;

    private CliRun certs(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--tenant";
        all[args.length + 1] = "cli-test";
        all[args.length + 2] = "--out";
        all[args.length + 3] = out.toString();
        return CliRun.certs(all);
    }

    @BeforeEach
    void tenantCa() {
        assertThat(certs("ca", "create").exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bed+1", "a/b", "ward#7"})
    void thingNameThatCouldReachATopicFilter_isRefusedInOneLine(String name) {
        CliRun run = certs("issue", "--thing", name, "--kind", "thermometer");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: Invalid value for option '--thing': invalid thing name '" + name + "'");
        assertThat(Files.exists(out.resolve("cli-test/devices"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "st-marys-", "St-Marys"})
    void tenantIdOutsideTheStacksRule_isRefusedInOneLineThatSaysTheRule(String tenant) {
        CliRun run = CliRun.certs("issue", "--tenant", tenant, "--thing", "bed-1", "--kind", "thermometer",
                "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: Invalid value for option '--tenant': invalid tenant id '" + tenant
                + "': use 3-32 characters of a-z, 0-9 and '-', starting and ending with a letter or digit");
        assertThat(Files.exists(out.resolve(tenant))).isFalse();
    }

    @Test
    void badArguments_giveOneLineAndANonZeroExit() {
        CliRun unknownKind = certs("issue", "--thing", "bed-1", "--kind", "toaster");
        CliRun missing = CliRun.certs("issue", "--thing", "bed-1");
        CliRun unknownOption = certs("issue", "--thing", "bed-1", "--kind", "thermometer", "--colour", "red");
        CliRun profileOnThermometer = certs("issue", "--thing", "bed-1", "--kind", "thermometer",
                "--storage-profile", "vaccine_fridge");
        CliRun sensorWithoutProfile = certs("issue", "--thing", "fridge-1", "--kind", "storage_sensor");
        CliRun noCommand = CliRun.certs();
        CliRun registerWithoutWhich = certs("register");

        for (CliRun run : new CliRun[] {unknownKind, missing, unknownOption, profileOnThermometer,
                sensorWithoutProfile, noCommand, registerWithoutWhich}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errorLines()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).startsWith("error: ");
        }
        assertThat(unknownKind.err()).contains("unknown device kind 'toaster'", "pulse_oximeter");
        assertThat(missing.err()).contains("--tenant");
        assertThat(sensorWithoutProfile.err()).contains("needs a storage profile");
    }

    @Test
    void failures_giveOneLineAndExitOne() {
        assertThat(certs("issue", "--thing", "bed-1", "--kind", "thermometer").exitCode()).isZero();

        CliRun again = certs("issue", "--thing", "bed-1", "--kind", "thermometer");
        CliRun noCa = CliRun.certs("issue", "--tenant", "no-ca", "--out", out.toString(), "--thing", "bed-1",
                "--kind", "thermometer");
        CliRun secondCa = certs("ca", "create");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: bed-1 is already issued");
        assertThat(noCa.exitCode()).isEqualTo(1);
        assertThat(noCa.err()).startsWith("error: tenant no-ca has no CA").contains("ca create");
        assertThat(secondCa.exitCode()).isEqualTo(1);
        for (CliRun run : new CliRun[] {again, noCa, secondCa}) {
            assertThat(run.errorLines()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca create", "issue", "issue-batch", "register", "revoke", "rotate", "bundle"})
    void everyCommand_hasHelp(String command) {
        CliRun run = CliRun.certs((command + " --help").split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: certs " + command);
    }

    @Test
    void encryptedCaKey_needsItsPassphraseToIssue() throws Exception {
        Path passphrase = Files.writeString(out.resolve("passphrase.txt"), "a long passphrase\n");
        Path wrong = Files.writeString(out.resolve("wrong.txt"), "not it\n");
        String[] tenant = {"--tenant", "locked", "--out", out.toString()};
        assertThat(CliRun.certs(concat(new String[] {"ca", "create", "--passphrase-file", passphrase.toString()},
                tenant)).exitCode()).isZero();

        CliRun without = CliRun.certs(concat(new String[] {"issue", "--thing", "t-1", "--kind", "thermometer"}, tenant));
        CliRun wrongOne = CliRun.certs(concat(new String[] {"issue", "--thing", "t-1", "--kind", "thermometer",
                "--passphrase-file", wrong.toString()}, tenant));
        CliRun right = CliRun.certs(concat(new String[] {"issue", "--thing", "t-1", "--kind", "thermometer",
                "--passphrase-file", passphrase.toString()}, tenant));

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.err()).contains("is encrypted");
        assertThat(wrongOne.exitCode()).isEqualTo(1);
        assertThat(wrongOne.err()).contains("wrong passphrase");
        assertThat(right.exitCode()).as(right.err()).isZero();
    }

    @Test
    void issueFromCsr_writesNoKey() throws Exception {
        var keys = KeyType.EC.generate();
        Path csr = Files.writeString(out.resolve("bed-2.csr"), Pem.csr(TestKeys.csr(keys, "bed-2")));

        CliRun run = certs("issue", "--thing", "bed-2", "--kind", "thermometer", "--csr", csr.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("stays on the device");
        StoredDevice device = new TenantFiles(out, TenantId.of("cli-test")).device(ThingName.of("bed-2"));
        assertThat(device.keyFile()).isNull();
        assertThat(device.certificate().getPublicKey()).isEqualTo(keys.getPublic());
    }

    @Test
    void issueBatch_reportsBadRowsByLine_issuesTheGoodOnes_andARerunSkipsThem() throws Exception {
        Path csv = Files.writeString(out.resolve("devices.csv"), String.join("\n",
                "thing,kind,ward,bed,storageProfile",
                "ward-7-bed-1-spo2,pulse_oximeter,ward-7,1,",
                "ward-7-bed+2,pulse_oximeter,ward-7,2,",
                "",
                "# the pharmacy fridge",
                "pharmacy-fridge-1,storage_sensor,pharmacy,,vaccine_fridge",
                "ward-7-bed-3,toaster,ward-7,3,",
                "pharmacy-fridge-2,storage_sensor,pharmacy,,",
                "ward-7-bed-1-spo2,pulse_oximeter,ward-7,1,",
                "ward-7-bed-4-temp,thermometer,ward-7,4,") + "\n");

        CliRun first = certs("issue-batch", "--csv", csv.toString());

        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.out()).contains("issued 3, skipped 0 (already issued), bad rows 4");
        assertThat(first.err()).contains("[##############################] 7/7")
                .contains("line 3: invalid thing name 'ward-7-bed+2'")
                .contains("line 7: unknown device kind 'toaster'")
                .contains("line 8: a storage_sensor needs a storage profile")
                .contains("line 9: thing ward-7-bed-1-spo2 is already on line 2");
        TenantFiles files = new TenantFiles(out, TenantId.of("cli-test"));
        assertThat(files.issuedDevices()).extracting(ThingName::value)
                .containsExactly("pharmacy-fridge-1", "ward-7-bed-1-spo2", "ward-7-bed-4-temp");
        assertThat(files.device(ThingName.of("pharmacy-fridge-1")).spec().storageProfile())
                .isEqualTo("vaccine_fridge");

        CliRun rerun = certs("issue-batch", "--csv", csv.toString());

        assertThat(rerun.out()).contains("issued 0, skipped 3 (already issued), bad rows 4");
        assertThat(files.issuedDevices()).hasSize(3);
    }

    @Test
    void aRoomSensor_isIssuedByWardAndRoom_withItsIsolation_andAReadBackKeepsThem() {
        CliRun run = certs("issue", "--thing", "w5-room3-env", "--kind", "room_environment", "--ward", "W5",
                "--room", "3", "--isolation", "negative");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("issued w5-room3-env (room_environment, ward W5, room 3, negative isolation)");
        DeviceSpec spec = new TenantFiles(out, TenantId.of("cli-test")).device(ThingName.of("w5-room3-env")).spec();
        assertThat(spec.room()).isEqualTo("3");
        assertThat(spec.isolation()).isEqualTo("negative");
        assertThat(spec.thingAttributes()).containsEntry("room", "3").containsEntry("isolation", "negative");
    }

    @Test
    void aRoomSensorWithoutItsRoom_orARoomOnAnotherKind_orAnUnknownIsolation_isRefusedInOneLine() {
        CliRun noRoom = certs("issue", "--thing", "w5-env", "--kind", "room_environment", "--ward", "W5");
        CliRun roomOnThermometer = certs("issue", "--thing", "bed-1", "--kind", "thermometer", "--room", "3");
        CliRun isolationOnOximeter = certs("issue", "--thing", "bed-1", "--kind", "pulse_oximeter",
                "--isolation", "negative");
        CliRun sideways = certs("issue", "--thing", "w5-room3-env", "--kind", "room_environment", "--ward", "W5",
                "--room", "3", "--isolation", "sideways");

        for (CliRun run : new CliRun[] {noRoom, roomOnThermometer, isolationOnOximeter, sideways}) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errorLines()).as(run.err()).isEqualTo(1);
        }
        assertThat(noRoom.err()).contains("placed by ward and room");
        assertThat(roomOnThermometer.err()).contains("only a room_environment sensor has a room");
        assertThat(isolationOnOximeter.err()).contains("only a room_environment sensor has a room or an isolation");
        assertThat(sideways.err()).contains("invalid isolation 'sideways'");
        assertThat(Files.exists(out.resolve("cli-test/devices"))).isFalse();
    }

    @Test
    void issueBatch_takesRoomAndIsolationColumns() throws Exception {
        Path csv = Files.writeString(out.resolve("rooms.csv"), String.join("\n",
                "thing,kind,ward,room,isolation",
                "w5-room3-env,room_environment,W5,3,negative",
                "w5-room4-env,room_environment,W5,4,",
                "w5-room5-env,room_environment,W5,5,upwards") + "\n");

        CliRun run = certs("issue-batch", "--csv", csv.toString());

        assertThat(run.out()).contains("issued 2, skipped 0 (already issued), bad rows 1");
        assertThat(run.err()).contains("line 4: invalid isolation 'upwards'");
        TenantFiles files = new TenantFiles(out, TenantId.of("cli-test"));
        assertThat(files.device(ThingName.of("w5-room4-env")).spec().isolation()).isNull();
        assertThat(files.device(ThingName.of("w5-room3-env")).spec().isolation()).isEqualTo("negative");
    }

    @Test
    void issueBatch_withAHeaderItDoesNotKnow_isRefusedWhole() throws Exception {
        Path csv = Files.writeString(out.resolve("bad.csv"), "thing,kind,patientName\nbed-1,thermometer,x\n");

        CliRun run = certs("issue-batch", "--csv", csv.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("line 1: unknown or repeated column 'patientName'");
        assertThat(run.errorLines()).isEqualTo(1);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
