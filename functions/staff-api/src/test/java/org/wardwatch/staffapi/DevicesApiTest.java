package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.functions.core.Device;
import org.wardwatch.functions.core.DeviceCondition;
import org.wardwatch.model.device.DeviceKind;

/** GET /devices through the mock event server against moto: who reads a ward's devices, and what they see. */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class DevicesApiTest {

    private static final String WARD = "Dev-7";
    private final StorageFixtures fixtures = new StorageFixtures();
    private final Alerts alerts = new Alerts();

    private static Map<String, String> staff(String group, String wards) {
        return claims(group + "-0031", group, wards);
    }

    static void assertProblem(ApiGateway.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonPath p = answer.json();
        assertThat(p.getMap("$")).containsOnlyKeys("type", "title", "status", "detail");
        assertThat(p.getInt("status")).isEqualTo(status);
        assertThat(p.getString("detail")).doesNotContain("\n").doesNotContain("Exception").doesNotContain("SECRET");
    }

    @ParameterizedTest(name = "{0} of {1} reads Dev-7's devices: {2}")
    @CsvSource({
            "nurse,           Dev-7,    true", "nurse,           W5, false",
            "nurse_in_charge, Dev-7,    true", "nurse_in_charge, W5, false",
            "clinician,       W5 Dev-7, true", "clinician,       W5, false",
            "pharmacist,      Dev-7,    true", "pharmacist,      W5, false",
            "biomed,          Dev-7,    true", "biomed,          W5, false",
            "admin,           Dev-7,    true", "admin,           W5, false",
            "porter,          Dev-7,   false"})
    void aWardsDevices_areReadByItsStaffAlone(String group, String wards, boolean allowed) {
        fixtures.register("dev7-oximeter-1", DeviceKind.PULSE_OXIMETER, WARD, "1", null, "ACTIVE",
                StaffEmulator.TENANT);

        ApiGateway.Answer answer = get("/devices", "ward=" + WARD, staff(group, wards.replace(' ', ',')));

        if (allowed) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().getList("devices.thingName")).contains("dev7-oximeter-1");
        } else {
            assertProblem(answer, 403);
        }
    }

    @Test
    void eachDevice_showsWhereItIs_itsStatusBatteryConnectionAndAlerts_silentOnesFirst() {
        String ward = "Dev-8";
        Instant at = Instant.parse("2026-11-20T09:58:00Z");
        fixtures.register("dev8-b-oximeter", DeviceKind.PULSE_OXIMETER, ward, "3", null, "ACTIVE",
                StaffEmulator.TENANT);
        fixtures.register("dev8-c-monitor", DeviceKind.CARDIAC_MONITOR, ward, "4", null, "ACTIVE",
                StaffEmulator.TENANT);
        fixtures.register("dev8-a-revoked", DeviceKind.THERMOMETER, ward, "5", null, "REVOKED", StaffEmulator.TENANT);
        fixtures.register("dev8-z-fridge", DeviceKind.STORAGE_SENSOR, ward, null, "vaccine_fridge", "ACTIVE",
                StaffEmulator.TENANT);
        fixtures.register("dev9-elsewhere", DeviceKind.PULSE_OXIMETER, "Dev-9", "3", null, "ACTIVE",
                StaffEmulator.TENANT);
        fixtures.latest("dev8-b-oximeter", "spo2", 97, "2026-11-20T10:00:00.000Z");
        fixtures.presence(device("dev8-b-oximeter", DeviceKind.PULSE_OXIMETER, ward), at, true);
        fixtures.condition("dev8-b-oximeter", DeviceCondition.BATTERY, at);
        fixtures.presence(device("dev8-c-monitor", DeviceKind.CARDIAC_MONITOR, ward), at, false);
        fixtures.condition("dev8-c-monitor", DeviceCondition.SILENCE, at);
        String battery = alerts.open("DEVICE", ward, "dev8-b-oximeter", "battery");
        alerts.open("THRESHOLD", ward, "bed 3", "spo2");

        JsonPath list = get("/devices", "ward=" + ward, staff("biomed", ward)).json();

        assertThat(list.getList("devices.thingName")).containsExactly("dev8-c-monitor", "dev8-a-revoked",
                "dev8-b-oximeter", "dev8-z-fridge");
        assertThat(list.getString("next")).isNull();
        assertThat(list.getBoolean("devices[0].silent")).isTrue();
        assertThat(list.getBoolean("devices[0].connection.connected")).isFalse();
        assertThat(list.getString("devices[0].connection.lastDisconnectReason")).isEqualTo("MQTT_KEEP_ALIVE_TIMEOUT");
        assertThat(list.getString("devices[0].lastSeen")).isNull();
        assertThat(list.getString("devices[1].status")).isEqualTo("REVOKED");
        assertThat(list.getString("devices[1].connection")).isNull();
        Map<String, Object> oximeter = list.getMap("devices[2]");
        assertThat(oximeter).containsEntry("kind", "pulse_oximeter").containsEntry("place", "bed 3")
                .containsEntry("status", "ACTIVE").containsEntry("batteryLow", true).containsEntry("silent", false)
                .containsEntry("lastSeen", "2026-11-20T10:00:00Z");
        assertThat(list.getBoolean("devices[2].connection.connected")).isTrue();
        assertThat(list.getString("devices[2].connection.since")).isEqualTo("2026-11-20T09:58:00Z");
        assertThat(list.getList("devices[2].openAlerts.alertId")).containsExactly(battery);
        assertThat(list.getList("devices[3].openAlerts")).isEmpty();
        assertThat(list.getString("devices[3].place")).isNull();
    }

    @Test
    void theList_comesInPages() {
        String ward = "Dev-10";
        for (int i = 1; i <= 3; i++) {
            fixtures.register("dev10-oximeter-" + i, DeviceKind.PULSE_OXIMETER, ward, Integer.toString(i), null,
                    "ACTIVE", StaffEmulator.TENANT);
        }
        List<Object> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = get("/devices", "ward=" + ward + "&limit=2" + (next == null ? "" : "&next=" + next),
                    staff("nurse", ward)).json();
            seen.addAll(page.getList("devices.thingName"));
            next = page.getString("next");
            pages++;
        } while (next != null && pages < 5);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly("dev10-oximeter-1", "dev10-oximeter-2", "dev10-oximeter-3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no ward               | limit=10
            a ward with a hash    | ward=Dev-7%23SECRET
            a limit of 0          | ward=Dev-7&limit=0
            a limit over 100      | ward=Dev-7&limit=101
            a limit not a number  | ward=Dev-7&limit=SECRET
            a cursor not ours     | ward=Dev-7&next=SECRET
            """)
    void aMalformedParameter_isABadRequest(String what, String query) {
        assertProblem(get("/devices", query, staff("nurse", WARD)), 400);
    }

    @Test
    void noCaller_isUnauthorized() {
        assertProblem(get("/devices", "ward=" + WARD, null), 401);
    }

    private static Device device(String thing, DeviceKind kind, String ward) {
        return new Device(thing, StaffEmulator.TENANT, kind, ward, null, null, null, true);
    }
}
