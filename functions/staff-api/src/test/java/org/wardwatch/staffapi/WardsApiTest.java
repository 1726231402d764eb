package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;
import static org.wardwatch.staffapi.ApiGateway.send;
import static org.wardwatch.staffapi.StaffEmulator.EMPTY_WARD;
import static org.wardwatch.staffapi.StaffEmulator.NEWS2_WARD;
import static org.wardwatch.staffapi.StaffEmulator.THRESHOLDS_WARD;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.model.alert.Severity;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;

/**
 * The ward view through the mock event server against moto: the caller's wards with their vitals policy and open
 * alerts, and a ward's beds as the functions' stores hold them (admission, latest values, NEWS2, alerts, devices).
 */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class WardsApiTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private final BedFixtures beds = new BedFixtures();
    private final Alerts alerts = new Alerts();

    private static Map<String, String> nurseOf(String... wards) {
        return claims("nurse-0042", "nurse", String.join(",", wards));
    }

    private static String bedsOf(String ward) {
        return "/wards/" + ward.replace(" ", "%20") + "/beds";
    }

    /** A bed with an admitted patient, two devices and a reading of each, and an open alert. */
    private String furnish(String ward, String bed, String patientRef) {
        String prefix = ward.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        beds.device(prefix + "-ox-" + bed, DeviceKind.PULSE_OXIMETER, ward, bed, true);
        beds.device(prefix + "-bp-" + bed, DeviceKind.BP_MONITOR, ward, bed, true);
        beds.device(prefix + "-old-" + bed, DeviceKind.THERMOMETER, ward, bed, false);
        beds.admit(ward, bed, patientRef, T.minusSeconds(3600));
        beds.reading(ward, bed, Metric.SPO2, prefix + "-ox-" + bed, DeviceKind.PULSE_OXIMETER, 95, T);
        beds.reading(ward, bed, Metric.SYSTOLIC_BP, prefix + "-bp-" + bed, DeviceKind.BP_MONITOR, 120,
                T.plusSeconds(30));
        return alerts.open("THRESHOLD", ward, "bed " + bed, "spo2");
    }

    private static void assertProblem(ApiGateway.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getMap("$")).containsOnlyKeys("type", "title", "status", "detail");
        assertThat(answer.json().getString("detail")).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aBedOnAThresholdsWard_showsItsAdmissionLatestValuesOpenAlertAndDevices() {
        String alertId = furnish(THRESHOLDS_WARD, "12", "adm-0012");

        ApiGateway.Answer answer = get(bedsOf(THRESHOLDS_WARD), null, nurseOf(THRESHOLDS_WARD));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonPath page = answer.json();
        assertThat(page.getString("ward")).isEqualTo(THRESHOLDS_WARD);
        assertThat(page.getString("vitals")).isEqualTo("thresholds");
        assertThat(page.getList("beds.bed")).containsExactly("12");
        assertThat(page.getString("next")).isNull();
        assertThat(page.getMap("beds[0].admission")).containsOnly(Map.entry("patientRef", "adm-0012"),
                Map.entry("admittedAt", "2026-11-20T09:00:00Z"), Map.entry("spo2Scale", 1));
        assertThat(page.getList("beds[0].parameters.metric")).containsExactly("spo2", "systolic_bp");
        assertThat(page.getMap("beds[0].parameters[0]")).containsEntry("value", 95.0f).containsEntry("unit", "%")
                .containsEntry("source", "cardio1-ox-12").containsEntry("sourceKind", "pulse_oximeter")
                .containsEntry("at", "2026-11-20T10:00:00Z");
        assertThat(page.getMap("beds[0].parameters[1]")).containsEntry("unit", "mm[Hg]")
                .containsEntry("source", "cardio1-bp-12").containsEntry("at", "2026-11-20T10:00:30Z");
        assertThat(page.getString("beds[0].news2")).isNull();
        assertThat(page.getList("beds[0].openAlerts.alertId")).containsExactly(alertId);
        assertThat(page.getList("beds[0].devices.thingName")).containsExactly("cardio1-bp-12", "cardio1-ox-12");
        assertThat(answer.body()).doesNotContain("cardio1-old-12");
    }

    @Test
    void aBedOnANews2Ward_showsItsNews2AsLastEvaluated() {
        furnish(NEWS2_WARD, "3", "adm-0003");
        beds.news2Evaluated(NEWS2_WARD, "3", T.plusSeconds(30), 1);

        JsonPath page = get(bedsOf(NEWS2_WARD), null, nurseOf(NEWS2_WARD)).json();

        assertThat(page.getString("vitals")).isEqualTo("news2");
        assertThat(page.getList("beds.bed")).containsExactly("3");
        assertThat(page.getString("beds[0].admission.patientRef")).isEqualTo("adm-0003");
        assertThat(page.getList("beds[0].parameters.metric")).containsExactly("spo2", "systolic_bp");
        // SpO2 95 on scale 1 scores 1, systolic 120 scores 0; the rest had no value.
        assertThat(page.getInt("beds[0].news2.score")).isEqualTo(1);
        assertThat(page.getString("beds[0].news2.response")).isEqualTo("LOW");
        assertThat(page.getBoolean("beds[0].news2.partial")).isTrue();
        assertThat(page.getList("beds[0].news2.missing")).containsExactlyInAnyOrder("respiration_rate",
                "air_or_oxygen", "pulse", "consciousness", "temperature");
        assertThat(page.getString("beds[0].news2.evaluatedAt")).isEqualTo("2026-11-20T10:00:30Z");
        assertThat(page.getList("beds[0].devices.kind")).containsExactly("bp_monitor", "pulse_oximeter");
    }

    @Test
    void aPageOfNews2Beds_readAtOnce_showsEachBedItsOwnAdmissionNews2AndDevices() {
        furnish(NEWS2_WARD, "5", "adm-0005");
        furnish(NEWS2_WARD, "6", "adm-0006");
        beds.news2Evaluated(NEWS2_WARD, "6", T.plusSeconds(30), 1);

        JsonPath page = get(bedsOf(NEWS2_WARD), null, nurseOf(NEWS2_WARD)).json();

        List<String> listed = page.getList("beds.bed");
        int five = listed.indexOf("5");
        int six = listed.indexOf("6");
        assertThat(five).isNotNegative();
        assertThat(six).isEqualTo(five + 1);
        assertThat(page.getString("beds[" + five + "].admission.patientRef")).isEqualTo("adm-0005");
        assertThat(page.getString("beds[" + six + "].admission.patientRef")).isEqualTo("adm-0006");
        assertThat(page.getString("beds[" + five + "].news2")).as("bed 5 was never evaluated").isNull();
        assertThat(page.getInt("beds[" + six + "].news2.score")).isEqualTo(1);
        assertThat(page.<String>getList("beds[" + five + "].devices.thingName")).allSatisfy(t -> assertThat(t).endsWith("-5"));
        assertThat(page.<String>getList("beds[" + six + "].devices.thingName")).allSatisfy(t -> assertThat(t).endsWith("-6"));
    }

    @Test
    void aWardTheCallerDoesNotServe_isRefused403_andNoCaller401() {
        assertProblem(get(bedsOf(NEWS2_WARD), null, nurseOf(THRESHOLDS_WARD)), 403);
        assertProblem(get(bedsOf(NEWS2_WARD), null, claims("admin-0001", "admin", "ICU-3")), 403);
        assertProblem(get(bedsOf(NEWS2_WARD), null, null), 401);
        assertProblem(get("/wards", null, null), 401);
    }

    @Test
    void aWardTheTenantDoesNotKnow_is404_andMalformedParameters400() {
        assertProblem(get(bedsOf("Nowhere-9"), null, nurseOf("Nowhere-9")), 404);
        assertProblem(get(bedsOf(EMPTY_WARD), "limit=0", nurseOf(EMPTY_WARD)), 400);
        assertProblem(get(bedsOf(EMPTY_WARD), "limit=abc", nurseOf(EMPTY_WARD)), 400);
        assertProblem(get(bedsOf(EMPTY_WARD), "next=%25%25", nurseOf(EMPTY_WARD)), 400);
        assertProblem(get("/wards/%21bad/beds", null, nurseOf(EMPTY_WARD)), 400);
    }

    @Test
    void aBedWithAnAdmittedPatientAndNothingElse_isListedToo_andADischargedOneIsNot() {
        beds.admit("Admitted-7", "4", "MRN-A7-4", T);
        beds.admit("Admitted-7", "5", "MRN-A7-5", T);
        beds.discharge("Admitted-7", "5", T.plusSeconds(60));

        ApiGateway.Answer answer = get(bedsOf("Admitted-7"), null, nurseOf("Admitted-7"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getList("beds.bed")).containsExactly("4");
        assertThat(answer.json().getString("beds[0].admission.patientRef")).isEqualTo("MRN-A7-4");
        assertThat(answer.json().getList("beds[0].devices")).isEmpty();
    }

    @Test
    void aWardWithNothing_hasNoBeds() {
        ApiGateway.Answer answer = get(bedsOf(EMPTY_WARD), null, nurseOf(EMPTY_WARD));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getList("beds")).isEmpty();
        assertThat(answer.json().getString("next")).isNull();
    }

    @Test
    void theWardList_holdsOnlyTheCallersWards_withVitalsAndOpenAlertsBySeverity() {
        alerts.open("THRESHOLD", "Counted-5", "bed 1", "heart_rate", Severity.CRITICAL);
        alerts.open("THRESHOLD", "Counted-5", "bed 2", "spo2", Severity.WARNING);
        alerts.open("DEVICE", "Counted-5", "counted-ox-2", "battery", Severity.WARNING);

        JsonPath list = get("/wards", null, nurseOf("Counted-5", NEWS2_WARD, EMPTY_WARD, "Unknown-8")).json();

        assertThat(list.getList("wards.ward")).containsExactly("Counted-5", EMPTY_WARD, NEWS2_WARD);
        assertThat(list.getMap("wards[0]")).containsEntry("vitals", "thresholds");
        assertThat(list.getMap("wards[0].openAlerts")).containsOnly(Map.entry("critical", 1),
                Map.entry("warning", 2), Map.entry("total", 3));
        assertThat(list.getString("wards[1].vitals")).isEqualTo("thresholds");
        assertThat(list.getString("wards[2].vitals")).isEqualTo("news2");
        assertThat(get("/wards", null, nurseOf("Unknown-8")).json().getList("wards")).isEmpty();
    }

    @Test
    void aWardsBeds_comeAPageAtATime_inBedOrder() {
        alerts.open("THRESHOLD", "Paged-6", "bed 12", "spo2", Severity.WARNING);
        alerts.open("THRESHOLD", "Paged-6", "bed 2", "spo2", Severity.WARNING);
        beds.device("paged-ox-side", DeviceKind.PULSE_OXIMETER, "Paged-6", "side room", true);

        JsonPath first = get(bedsOf("Paged-6"), "limit=2", nurseOf("Paged-6")).json();
        JsonPath second = get(bedsOf("Paged-6"), "limit=2&next=" + first.getString("next"), nurseOf("Paged-6"))
                .json();

        assertThat(first.getList("beds.bed")).containsExactly("2", "12");
        assertThat(second.getList("beds.bed")).containsExactly("side room");
        assertThat(second.getString("next")).isNull();
        assertThat(first.getList("beds[0].parameters")).isEmpty();
        assertThat(first.getString("beds[0].admission")).isNull();
    }

    @Test
    void theOpenApiDocument_describesTheWardView() {
        JsonPath doc = send("GET", "/openapi", "format=json", null, null, null).json();

        assertThat(doc.getMap("paths.'/wards'.get.responses")).containsKeys("200", "401");
        assertThat(doc.getMap("paths.'/wards/{ward}/beds'.get.responses"))
                .containsKeys("200", "400", "401", "403", "404");
        assertThat(doc.getList("paths.'/wards/{ward}/beds'.get.parameters.name"))
                .containsExactlyInAnyOrder("ward", "limit", "next");
        assertThat(doc.getMap("paths.'/wards/{ward}/beds'.get.responses.'403'.content"))
                .containsKey("application/problem+json");
        assertThat(doc.getMap("components.schemas")).containsKeys("WardList", "Ward", "AlertCounts", "BedList",
                "Bed", "Admission", "Parameter", "News2", "Device");
    }
}
