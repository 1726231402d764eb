package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;
import static org.wardwatch.staffapi.ApiGateway.post;
import static org.wardwatch.staffapi.ApiGateway.send;
import static org.wardwatch.staffapi.DevicesApiTest.assertProblem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.device.DeviceKind;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The storage endpoints through the mock event server against moto: units, excursions, their acknowledgement
 * (with its audit entry) and the monthly temperature log, each by role and ward.
 */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class StorageApiTest {

    private static final String WARD = "Pharm-1";
    private final StorageFixtures fixtures = new StorageFixtures();
    private final Alerts alerts = new Alerts();

    private static Map<String, String> staff(String group, String wards) {
        return claims(group + "-0042", group, wards);
    }

    @ParameterizedTest(name = "{0} of {1} reads Pharm-1's storage: {2}")
    @CsvSource({
            "nurse,           Pharm-1,    true", "nurse,           W5, false",
            "nurse_in_charge, Pharm-1,    true", "nurse_in_charge, W5, false",
            "clinician,       W5 Pharm-1, true", "clinician,       W5, false",
            "pharmacist,      Pharm-1,    true", "pharmacist,      W5, false",
            "biomed,          Pharm-1,    true", "biomed,          W5, false",
            "admin,           Pharm-1,    true", "admin,           W5, false",
            "porter,          Pharm-1,   false"})
    void aUnitsReads_areForTheStaffOfItsWard(String group, String wards, boolean allowed) {
        fixtures.fridge("pharm1-fridge", WARD);
        fixtures.excursion("pharm1-fridge", "2026-11-24T09:00:00.000Z", "2026-11-24T09:30:00.000Z", 8.2, 9.1,
                "WARNING", null, StaffEmulator.TENANT);
        Map<String, String> caller = staff(group, wards.replace(' ', ','));

        ApiGateway.Answer units = get("/storage", "ward=" + WARD, caller);
        ApiGateway.Answer excursions = get("/storage/pharm1-fridge/excursions", null, caller);
        ApiGateway.Answer log = Downloads.get("/storage/pharm1-fridge/temperature-log", "month=2026-11", caller,
                "text/csv");

        if (allowed) {
            assertThat(units.status()).as(units.body()).isEqualTo(200);
            assertThat(units.json().getList("units.thingName")).contains("pharm1-fridge");
            assertThat(excursions.status()).as(excursions.body()).isEqualTo(200);
            assertThat(excursions.json().getList("excursions.start")).contains("2026-11-24T09:00:00Z");
            assertThat(log.status()).as(log.body()).isEqualTo(200);
        } else {
            assertProblem(units, 403);
            assertProblem(excursions, 403);
            assertProblem(log, 403);
        }
    }

    @Test
    void theUnits_ofEveryWardTheCallerServes_withTemperatureRangeAndOpenExcursion() {
        fixtures.fridge("pharm2-fridge", "Pharm-2");
        fixtures.fridge("pharm3-fridge", "Pharm-3");
        fixtures.fridge("pharm4-fridge", "Pharm-4");
        fixtures.register("pharm2-oximeter", DeviceKind.PULSE_OXIMETER, "Pharm-2", "1", null, "ACTIVE",
                StaffEmulator.TENANT);
        fixtures.temperature("pharm2-fridge", "2026-11-24T09:05:00.000Z", 9.4)
                .excursion("pharm2-fridge", "2026-11-24T08:00:00.000Z", "2026-11-24T08:20:00.000Z", 8.1, 8.3, "NONE",
                        null, StaffEmulator.TENANT)
                .excursion("pharm2-fridge", "2026-11-24T09:00:00.000Z", null, 9.0, 9.4, "NONE", null,
                        StaffEmulator.TENANT)
                .temperature("pharm3-fridge", "2026-11-24T09:05:00.000Z", 5.0);

        JsonPath list = get("/storage", null, staff("pharmacist", "Pharm-2,Pharm-3")).json();

        assertThat(list.getList("units.thingName")).containsExactly("pharm2-fridge", "pharm3-fridge");
        assertThat(list.getDouble("units[0].temperature.celsius")).isEqualTo(9.4);
        assertThat(list.getString("units[0].temperature.at")).isEqualTo("2026-11-24T09:05:00Z");
        assertThat(list.getString("units[0].storageProfile")).isEqualTo("vaccine_fridge");
        assertThat(list.getDouble("units[0].range.min")).isEqualTo(2.0);
        assertThat(list.getDouble("units[0].range.max")).isEqualTo(8.0);
        assertThat(list.getDouble("units[0].range.freezeAtOrBelow")).isEqualTo(0.0);
        assertThat(list.getString("units[0].openExcursion.start")).isEqualTo("2026-11-24T09:00:00Z");
        assertThat(list.getString("units[0].openExcursion.end")).isNull();
        assertThat(list.getString("units[1].openExcursion")).isNull();
        assertProblem(get("/storage", "ward=Pharm-4", staff("pharmacist", "Pharm-2,Pharm-3")), 403);
        assertProblem(get("/storage", "ward=Pharm%234", staff("pharmacist", "Pharm-2")), 400);
    }

    @Test
    void aUnitsExcursions_comeNewestFirst_inPages_withinFromAndTo() {
        fixtures.fridge("pharm5-fridge", "Pharm-5");
        for (int day = 10; day <= 13; day++) {
            fixtures.excursion("pharm5-fridge", "2026-11-" + day + "T09:00:00.000Z", "2026-11-" + day
                    + "T09:30:00.000Z", 8.2, 9.1, "WARNING", null, StaffEmulator.TENANT);
        }
        Map<String, String> caller = staff("nurse", "Pharm-5");

        JsonPath first = get("/storage/pharm5-fridge/excursions", "from=2026-11-11T00:00:00Z"
                + "&to=2026-11-13T09:00:00Z&limit=1", caller).json();
        JsonPath second = get("/storage/pharm5-fridge/excursions", "from=2026-11-11T00:00:00Z"
                + "&to=2026-11-13T09:00:00Z&limit=1&next=" + first.getString("next"), caller).json();

        assertThat(first.getList("excursions.start")).containsExactly("2026-11-12T09:00:00Z");
        assertThat(first.getLong("excursions[0].durationSeconds")).isEqualTo(1800);
        assertThat(first.getString("excursions[0].maxSeverity")).isEqualTo("WARNING");
        assertThat(second.getList("excursions.start")).containsExactly("2026-11-11T09:00:00Z");
        assertThat(second.getString("next")).isNull();
        assertThat(get("/storage/pharm5-fridge/excursions", null, caller).json().getList("excursions.start"))
                .hasSize(4).first().isEqualTo("2026-11-13T09:00:00Z");
    }

    @ParameterizedTest(name = "{0} of {1} acknowledges an excursion of Pharm-6: {2}")
    @CsvSource({
            "nurse,           Pharm-6, 200", "nurse,           W5, 403",
            "nurse_in_charge, Pharm-6, 200", "nurse_in_charge, W5, 403",
            "clinician,       Pharm-6, 200", "clinician,       W5, 403",
            "pharmacist,      Pharm-6, 200", "pharmacist,      W5, 403",
            "biomed,          Pharm-6, 403", "biomed,          W5, 403",
            "admin,           Pharm-6, 403", "admin,           W5, 403"})
    void anAcknowledgement_isAllowedByRoleAndWard_recordedInTheLog_andAudited(String group, String wards,
                                                                               int status) {
        String thing = "pharm6-fridge-" + group.replace("_", "-") + "-" + wards;
        fixtures.fridge(thing, "Pharm-6");
        fixtures.excursion(thing, "2026-11-24T09:00:00.000Z", null, 8.4, 9.6, "WARNING", "K7Q2XM4",
                StaffEmulator.TENANT);

        ApiGateway.Answer answer = post("/storage/" + thing + "/excursions/2026-11-24T09:00:00Z/ack",
                staff(group, wards), "{\"note\":\" stock labelled Do Not Use, manufacturer called \"}");

        Map<String, AttributeValue> item = excursionItem(thing, "2026-11-24T09:00:00.000Z");
        List<Map<String, AttributeValue>> audit = alerts.auditOf(thing + "#2026-11-24T09:00:00Z");
        if (status == 200) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().getString("acknowledgedBy")).isEqualTo(group + "-0042");
            assertThat(answer.json().getString("note")).isEqualTo("stock labelled Do Not Use, manufacturer called");
            assertThat(item.get("acknowledgedBy").s()).isEqualTo(group + "-0042");
            assertThat(item.get("actionsTaken").s()).isEqualTo("stock labelled Do Not Use, manufacturer called");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).get("action").s()).isEqualTo("ACKNOWLEDGE_EXCURSION");
            assertThat(audit.get(0).get("who").s()).isEqualTo(group + "-0042");
            assertThat(audit.get(0).get("ward").s()).isEqualTo("Pharm-6");
            assertThat(new JsonPath(audit.get(0).get("before").s()).getString("acknowledgedBy")).isNull();
            assertThat(new JsonPath(audit.get(0).get("after").s()).getString("acknowledgedBy"))
                    .isEqualTo(group + "-0042");
        } else {
            assertProblem(answer, 403);
            assertThat(item).doesNotContainKey("acknowledgedBy");
            assertThat(audit).isEmpty();
        }
    }

    @Test
    void aSecondAcknowledgement_isAConflict_namingWhoAndWhen_andAuditsNothing() {
        fixtures.fridge("pharm7-fridge", "Pharm-7");
        fixtures.excursion("pharm7-fridge", "2026-11-24T09:00:00.000Z", "2026-11-24T09:40:00.000Z", 8.4, 9.6,
                "WARNING", null, StaffEmulator.TENANT);
        String path = "/storage/pharm7-fridge/excursions/2026-11-24T10:00:00%2B01:00/ack";
        assertThat(post(path, staff("pharmacist", "Pharm-7"), "{\"note\":\"moved stock\"}").status()).isEqualTo(200);

        ApiGateway.Answer second = post(path, staff("nurse", "Pharm-7"), "{\"note\":\"again\"}");

        assertProblem(second, 409);
        assertThat(second.json().getString("detail")).contains("already acknowledged by pharmacist-0042 at 2026-");
        assertThat(alerts.auditOf("pharm7-fridge#2026-11-24T09:00:00Z")).hasSize(1);
    }

    @Test
    void noSuchUnitOrExcursion_orAnotherTenants_isNotFound() {
        fixtures.fridge("pharm8-fridge", "Pharm-8");
        fixtures.register("pharm8-foreign", DeviceKind.STORAGE_SENSOR, "Pharm-8", null, "vaccine_fridge", "ACTIVE",
                "other-hospital");
        fixtures.register("pharm8-oximeter", DeviceKind.PULSE_OXIMETER, "Pharm-8", "1", null, "ACTIVE",
                StaffEmulator.TENANT);
        fixtures.excursion("pharm8-fridge", "2026-11-24T11:00:00.000Z", null, 8.4, 9.6, "WARNING", null,
                "other-hospital");
        Map<String, String> caller = staff("pharmacist", "Pharm-8");
        String note = "{\"note\":\"x\"}";

        assertProblem(post("/storage/pharm8-fridge/excursions/2026-11-24T09:00:00Z/ack", caller, note), 404);
        assertProblem(post("/storage/pharm8-fridge/excursions/2026-11-24T11:00:00Z/ack", caller, note), 404);
        assertProblem(post("/storage/no-such-fridge/excursions/2026-11-24T09:00:00Z/ack", caller, note), 404);
        assertProblem(post("/storage/pharm8-foreign/excursions/2026-11-24T09:00:00Z/ack", caller, note), 404);
        assertProblem(get("/storage/pharm8-oximeter/excursions", null, caller), 404);
        assertProblem(Downloads.get("/storage/pharm8-oximeter/temperature-log", "month=2026-11", caller,
                "text/csv"), 404);
        assertProblem(Downloads.get("/storage/pharm8-foreign/temperature-log", "month=2026-11", caller,
                "text/csv"), 404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"note": "SECRET                         | 400
            not an object           | ["SECRET"]                               | 400
            an unknown field        | {"note":"x","by":"SECRET"}               | 400
            a note not text         | {"note":17}                              | 400
            no note                 | {}                                       | 422
            a blank note            | {"note":"   "}                           | 422
            """)
    void aMalformedAcknowledgement_isRefused_inProblemDetails(String what, String body, int status) {
        fixtures.fridge("pharm9-fridge", "Pharm-9");
        fixtures.excursion("pharm9-fridge", "2026-11-24T09:00:00.000Z", null, 8.4, 9.6, "WARNING", null,
                StaffEmulator.TENANT);

        assertProblem(post("/storage/pharm9-fridge/excursions/2026-11-24T09:00:00Z/ack",
                staff("pharmacist", "Pharm-9"), body), status);
        assertThat(excursionItem("pharm9-fridge", "2026-11-24T09:00:00.000Z")).as(what)
                .doesNotContainKey("acknowledgedBy");
    }

    @Test
    void aLongNote_aLargeBody_aNonJsonBody_andAMalformedStartOrDevice_areRefused() {
        Map<String, String> caller = staff("pharmacist", "Pharm-9");
        String path = "/storage/pharm9-fridge/excursions/2026-11-24T09:00:00Z/ack";
        assertProblem(post(path, caller, "{\"note\":\"" + "n".repeat(501) + "\"}"), 422);
        assertProblem(post(path, caller, "{\"note\":\"" + "n".repeat(9000) + "\"}"), 413);
        assertProblem(send("POST", path, null, caller, "text/plain", "note=SECRET"), 415);
        assertProblem(post("/storage/pharm9-fridge/excursions/yesterday/ack", caller, "{\"note\":\"x\"}"), 400);
        assertProblem(post("/storage/fridge%2BSECRET/excursions/2026-11-24T09:00:00Z/ack", caller,
                "{\"note\":\"x\"}"), 400);
        assertProblem(post(path, null, "{\"note\":\"x\"}"), 401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a from that is no time  | /storage/pharm9-fridge/excursions      | from=yesterday
            from after to           | /storage/pharm9-fridge/excursions      | from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z
            a limit of 0            | /storage/pharm9-fridge/excursions      | limit=0
            a cursor not ours       | /storage/pharm9-fridge/excursions      | next=SECRET
            """)
    void aMalformedParameter_isABadRequest(String what, String path, String query) {
        fixtures.fridge("pharm9-fridge", "Pharm-9");
        assertProblem(get(path, query, staff("nurse", "Pharm-9")), 400);
    }

    @Test
    void theTemperatureLog_isTheCsvTheFunctionCompiled_asADownload() {
        fixtures.fridge("pharm10-fridge", "Pharm-10");
        fixtures.temperature("pharm10-fridge", "2026-10-10T08:00:00.000Z", 5.0)
                .excursion("pharm10-fridge", "2026-10-10T09:05:00.000Z", "2026-10-10T10:20:00.000Z", 8.44, 11.2,
                        "CRITICAL", "K7Q2XM4", StaffEmulator.TENANT)
                .temperature("pharm10-fridge", "2026-10-10T09:05:00.000Z", 8.44)
                .temperature("pharm10-fridge", "2026-10-10T09:45:00.000Z", 11.2)
                .temperature("pharm10-fridge", "2026-10-10T10:20:00.000Z", 5.1);
        Map<String, String> caller = staff("pharmacist", "Pharm-10");
        assertThat(post("/storage/pharm10-fridge/excursions/2026-10-10T09:05:00Z/ack", caller,
                "{\"note\":\"stock quarantined\"}").status()).isEqualTo(200);

        ApiGateway.Answer london = Downloads.get("/storage/pharm10-fridge/temperature-log", "month=2026-10", caller,
                "text/csv");
        ApiGateway.Answer utc = Downloads.get("/storage/pharm10-fridge/temperature-log",
                "month=2026-10&timeZone=UTC", caller, "text/csv");

        assertThat(london.status()).as(london.body()).isEqualTo(200);
        assertThat(london.contentType()).startsWith("text/csv");
        assertThat(london.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(
                "content-disposition")).map(Map.Entry::getValue).findFirst())
                .hasValue("attachment; filename=\"pharm10-fridge-2026-10.csv\"");
        assertThat(london.body()).startsWith("# wardwatch monthly temperature log\r\n# device,pharm10-fridge\r\n"
                        + "# ward,Pharm-10\r\n# storage profile,vaccine_fridge\r\n# allowed range,2.0 to 8.0 C\r\n"
                        + "# month,2026-10\r\n# time zone,Europe/London\r\n")
                .contains("\r\n2026-10-02,0,,,\r\n")
                .contains("\r\n2026-10-10,4,5.0,11.2,\"10:05-11:20 (75 min, 8.4..11.2 C, alert CRITICAL)\"\r\n")
                .endsWith("\r\n# excursions\r\n"
                        + "start,end,duration,min_c,max_c,alert_sent,max_severity,alert_id,acknowledged_by\r\n"
                        + "2026-10-10 10:05:00 +01:00,2026-10-10 11:20:00 +01:00,1:15:00,8.4,11.2,yes,CRITICAL,"
                        + "K7Q2XM4,pharmacist-0042\r\n");
        assertThat(utc.body()).contains("\r\n# time zone,UTC\r\n")
                .contains("\r\n2026-10-10,4,5.0,11.2,\"09:05-10:20 (75 min, 8.4..11.2 C, alert CRITICAL)\"\r\n");
    }

    @ParameterizedTest(name = "month={0}")
    @CsvSource({"2026-13", "October 2026", "2026-1", "''"})
    void aMalformedMonth_orZone_isABadRequest(String month) {
        fixtures.fridge("pharm10-fridge", "Pharm-10");
        Map<String, String> caller = staff("nurse", "Pharm-10");
        assertProblem(Downloads.get("/storage/pharm10-fridge/temperature-log", "month=" + month.replace(" ", "%20"),
                caller, "text/csv"), 400);
        assertProblem(Downloads.get("/storage/pharm10-fridge/temperature-log", null, caller, "text/csv"), 400);
        assertProblem(Downloads.get("/storage/pharm10-fridge/temperature-log", "month=2026-10&timeZone=Europe/Atlantis",
                caller, "text/csv"), 400);
    }

    @Test
    void theOpenApiDocument_describesTheDevicesStorageAndAuditPaths() {
        JsonPath doc = send("GET", "/openapi", "format=json", null, null, null).json();

        assertThat(doc.getList("paths.'/devices'.get.parameters.name")).containsExactlyInAnyOrder("ward", "limit",
                "next");
        assertThat(doc.getMap("paths.'/devices'.get.responses")).containsKeys("200", "400", "401", "403");
        assertThat(doc.getMap("paths.'/storage'.get.responses")).containsKeys("200", "400", "401", "403");
        assertThat(doc.getMap("paths.'/storage/{device}/excursions'.get.responses"))
                .containsKeys("200", "400", "401", "403", "404");
        assertThat(doc.getMap("paths.'/storage/{device}/excursions/{start}/ack'.post.responses"))
                .containsKeys("200", "400", "401", "403", "404", "409", "413", "415", "422");
        assertThat(doc.getMap("paths.'/storage/{device}/excursions/{start}/ack'.post.requestBody.content"))
                .containsKey("application/json");
        assertThat(doc.getMap("paths.'/storage/{device}/temperature-log'.get.responses.'200'.content"))
                .containsKey("text/csv");
        assertThat(doc.getMap("paths.'/storage/{device}/temperature-log'.get.responses"))
                .containsKeys("200", "400", "401", "403", "404");
        assertThat(doc.getList("paths.'/audit'.get.parameters.name")).containsExactlyInAnyOrder("from", "to",
                "limit", "next");
        assertThat(doc.getMap("paths.'/audit'.get.responses")).containsKeys("200", "400", "401", "403");
        assertThat(doc.getMap("components.schemas")).containsKeys("DeviceList", "Device", "Connection",
                "StorageList", "StorageUnit", "Excursion", "ExcursionList", "ExcursionAcknowledgement", "AuditList",
                "AuditEntry");
    }

    private Map<String, AttributeValue> excursionItem(String thing, String start) {
        return fixtures.dynamo.getItem(b -> b.tableName(StaffEmulator.READINGS).key(Map.of(
                "pk", AttributeValue.fromS("D#" + thing), "sk", AttributeValue.fromS("X#" + start)))).item();
    }
}
