package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.post;
import static org.wardwatch.staffapi.ApiGateway.send;
import static org.wardwatch.staffapi.DevicesApiTest.assertProblem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A bed's admission and observations through the mock event server against moto: who may admit, transfer,
 * discharge, change settings and record observations on which ward, each answer and refusal as the admission
 * service means it, every malformed body as problem details, and the one audit record of each write.
 */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class AdmissionsApiTest {

    private static final AtomicInteger BEDS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private final BedFixtures beds = new BedFixtures();
    private final Alerts alerts = new Alerts();

    private static Map<String, String> staff(String group, String wards) {
        return claims(group + "-0042", group, wards);
    }

    /** A bed no other test (of this run or an earlier one on the same server) used. */
    private static String newBed() {
        return "b" + RUN + "-" + BEDS.incrementAndGet();
    }

    /** A patient reference no other admission used. */
    private static String newPatient() {
        return "adm-" + RUN + "-" + BEDS.incrementAndGet();
    }

    private static String admission(String ward, String bed) {
        return "/wards/" + ward + "/beds/" + bed + "/admission";
    }

    private static ApiGateway.Answer put(String path, Map<String, String> caller, String body) {
        return send("PUT", path, null, caller, "application/json", body);
    }

    private static ApiGateway.Answer delete(String path, Map<String, String> caller) {
        return send("DELETE", path, null, caller, null, null);
    }

    private List<Map<String, AttributeValue>> auditOf(String ward, String bed) {
        return alerts.auditOf(ward + "#" + bed);
    }

    @ParameterizedTest(name = "{0} of {1} admits and discharges at Adm-1: {2}")
    @CsvSource({
            "nurse_in_charge, Adm-1,    true", "nurse_in_charge, W5, false",
            "clinician,       W5 Adm-1, true", "clinician,       W5, false",
            "nurse,           Adm-1,   false", "pharmacist,      Adm-1, false",
            "biomed,          Adm-1,   false", "admin,           Adm-1, false",
            "porter,          Adm-1,   false"})
    void admittingAndDischarging_areForTheNurseInChargeAndClinicianOfTheWard(String group, String wards,
                                                                              boolean allowed) {
        String bed = newBed();
        String patient = newPatient();
        Map<String, String> caller = staff(group, wards.replace(' ', ','));

        ApiGateway.Answer admitted = post(admission("Adm-1", bed), caller, "{\"patientRef\": \"" + patient + "\"}");
        if (!allowed) {
            assertProblem(admitted, 403);
            assertThat(auditOf("Adm-1", bed)).isEmpty();
            beds.admit("Adm-1", bed, patient, Instant.parse("2026-11-20T10:00:00Z"));
            assertProblem(delete(admission("Adm-1", bed), caller), 403);
            assertThat(auditOf("Adm-1", bed)).isEmpty();
            return;
        }
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
        assertThat(admitted.json().getString("patientRef")).isEqualTo(patient);
        assertThat(admitted.json().getInt("spo2Scale")).isEqualTo(1);

        ApiGateway.Answer discharged = delete(admission("Adm-1", bed), caller);

        assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
        assertThat(discharged.json().getString("patientRef")).isEqualTo(patient);
        assertThat(discharged.json().getList("resolvedAlerts")).isEmpty();
        assertThat(auditOf("Adm-1", bed)).extracting(i -> i.get("action").s())
                .containsExactlyInAnyOrder("ADMIT", "DISCHARGE");
        assertThat(auditOf("Adm-1", bed)).allSatisfy(i -> assertThat(i.get("who").s()).isEqualTo(group + "-0042"));
    }

    @Test
    void anAdmission_answersItAndIsAuditedWithoutThePatientRef() {
        String bed = newBed();
        String patient = newPatient();

        ApiGateway.Answer answer = post(admission("Adm-2", bed), staff("clinician", "Adm-2"),
                "{\"patientRef\": \"" + patient + "\", \"spo2Scale\": 2}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonPath a = answer.json();
        assertThat(a.getString("ward")).isEqualTo("Adm-2");
        assertThat(a.getString("bed")).isEqualTo(bed);
        assertThat(a.getInt("spo2Scale")).isEqualTo(2);
        assertThat(a.getString("spo2ScaleBy")).isEqualTo("clinician-0042");
        assertThat(Instant.parse(a.getString("admittedAt"))).isEqualTo(Instant.parse(a.getString("spo2ScaleAt")));
        assertThat(a.getString("admittedAt")).endsWith("Z");
        List<Map<String, AttributeValue>> audit = auditOf("Adm-2", bed);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").s()).isEqualTo("ADMIT");
        assertThat(audit.get(0).get("ward").s()).isEqualTo("Adm-2");
        assertThat(audit.get(0).get("roles").s()).isEqualTo("clinician");
        assertThat(audit.get(0).get("before").s()).isEqualTo("null");
        assertThat(new JsonPath(audit.get(0).get("after").s()).getInt("spo2Scale")).isEqualTo(2);
        assertThat(audit.get(0).toString()).doesNotContain(patient);
    }

    @Test
    void scale2AtAdmission_isAClinicians_theNurseInChargeIsRefused() {
        String bed = newBed();

        assertProblem(post(admission("Adm-3", bed), staff("nurse_in_charge", "Adm-3"),
                "{\"patientRef\": \"" + newPatient() + "\", \"spo2Scale\": 2}"), 403);
        assertThat(auditOf("Adm-3", bed)).isEmpty();
    }

    @Test
    void anOccupiedBed_is409_anEmptyOneHasNothingToDischarge404_andThePatientIsNeverEchoed() {
        String bed = newBed();
        String patient = newPatient();
        Map<String, String> nic = staff("nurse_in_charge", "Adm-4");
        post(admission("Adm-4", bed), nic, "{\"patientRef\": \"" + patient + "\"}");

        ApiGateway.Answer occupied = post(admission("Adm-4", bed), nic, "{\"patientRef\": \"" + newPatient() + "\"}");
        ApiGateway.Answer twice = post(admission("Adm-4", newBed()), nic, "{\"patientRef\": \"" + patient + "\"}");
        String empty = newBed();
        ApiGateway.Answer nothing = delete(admission("Adm-4", empty), nic);

        assertProblem(occupied, 409);
        assertProblem(twice, 409);
        assertThat(twice.body()).doesNotContain(patient);
        assertProblem(nothing, 404);
        assertThat(auditOf("Adm-4", empty)).isEmpty();
        assertThat(auditOf("Adm-4", bed)).hasSize(1);
    }

    @Test
    void aTransfer_movesThePatientWithTheirSettings_resolvesTheBedLeftsAlerts_andNeedsBothWards() {
        String from = newBed();
        String to = newBed();
        String patient = newPatient();
        post(admission("Adm-5", from), staff("clinician", "Adm-5"), "{\"patientRef\": \"" + patient
                + "\", \"spo2Scale\": 2}");
        String body = "{\"transferFrom\": {\"ward\": \"Adm-5\", \"bed\": \"" + from + "\"}}";

        assertProblem(post(admission("Adm-6", to), staff("nurse_in_charge", "Adm-6"), body), 403);
        assertProblem(post(admission("Adm-6", to), staff("nurse", "Adm-5,Adm-6"), body), 403);
        ApiGateway.Answer moved = post(admission("Adm-6", to), staff("nurse_in_charge", "Adm-5,Adm-6"), body);

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().getString("ward")).isEqualTo("Adm-6");
        assertThat(moved.json().getString("bed")).isEqualTo(to);
        assertThat(moved.json().getString("patientRef")).isEqualTo(patient);
        assertThat(moved.json().getInt("spo2Scale")).isEqualTo(2);
        assertThat(moved.json().getString("spo2ScaleBy")).isEqualTo("clinician-0042");
        assertThat(moved.json().getList("resolvedAlerts")).isEmpty();
        List<Map<String, AttributeValue>> audit = auditOf("Adm-5", from);
        assertThat(audit).extracting(i -> i.get("action").s()).containsExactlyInAnyOrder("ADMIT", "TRANSFER");
        Map<String, AttributeValue> transfer = audit.stream().filter(i -> i.get("action").s().equals("TRANSFER"))
                .findFirst().orElseThrow();
        assertThat(new JsonPath(transfer.get("before").s()).getString("bed")).isEqualTo(from);
        assertThat(new JsonPath(transfer.get("after").s()).getString("ward")).isEqualTo("Adm-6");
        assertThat(new JsonPath(transfer.get("after").s()).getString("bed")).isEqualTo(to);
        assertProblem(post(admission("Adm-6", to), staff("nurse_in_charge", "Adm-5,Adm-6"), body), 404);
        assertProblem(post(admission("Adm-6", to), staff("nurse_in_charge", "Adm-6"),
                "{\"transferFrom\": {\"ward\": \"Adm-6\", \"bed\": \"" + to + "\"}}"), 409);
    }

    @Test
    void settings_areAClinicians_needAReason_andChangeScaleAndOverridesInOneAuditRecord() {
        String bed = newBed();
        beds.admit("Adm-7", bed, newPatient(), Instant.parse("2026-11-20T10:00:00Z"));
        String path = admission("Adm-7", bed) + "/settings";
        String body = "{\"spo2Scale\": 2, \"overrides\": {\"body_temperature\": [{\"min\": 38.5, \"severity\": "
                + "\"WARNING\"}]}, \"reason\": \"hypercapnic COPD\"}";

        assertProblem(put(path, staff("nurse_in_charge", "Adm-7"), body), 403);
        assertProblem(put(path, staff("clinician", "W5"), body), 403);
        assertProblem(put(path, staff("clinician", "Adm-7"), "{\"spo2Scale\": 2}"), 422);
        assertProblem(put(path, staff("clinician", "Adm-7"), "{\"reason\": \"nothing\"}"), 422);
        assertProblem(put(path, staff("clinician", "Adm-7"), "{\"spo2Scale\": 3, \"reason\": \"r\"}"), 422);
        ApiGateway.Answer bad = put(path, staff("clinician", "Adm-7"), "{\"overrides\": {\"spo2\": [{\"max\": 91.5, "
                + "\"severity\": \"CRITICAL\"}]}, \"reason\": \"r\"}");
        assertProblem(bad, 422);
        assertThat(bad.json().getString("detail")).contains("overrides.spo2");
        assertThat(auditOf("Adm-7", bed)).isEmpty();

        ApiGateway.Answer changed = put(path, staff("clinician", "Adm-7"), body);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getInt("spo2Scale")).isEqualTo(2);
        assertThat(changed.json().getFloat("overrides.body_temperature[0].min")).isEqualTo(38.5f);
        List<Map<String, AttributeValue>> audit = auditOf("Adm-7", bed);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").s()).isEqualTo("CHANGE_SETTINGS");
        assertThat(new JsonPath(audit.get(0).get("before").s()).getInt("spo2Scale")).isEqualTo(1);
        assertThat(new JsonPath(audit.get(0).get("after").s()).getString("spo2ScaleBy")).isEqualTo("clinician-0042");
        assertProblem(put(admission("Adm-7", newBed()) + "/settings", staff("clinician", "Adm-7"),
                "{\"spo2Scale\": 1, \"reason\": \"r\"}"), 404);
    }

    @ParameterizedTest(name = "{0} of {1} records observations at Adm-8: {2}")
    @CsvSource({
            "nurse,           Adm-8, true", "nurse,           W5,  false",
            "nurse_in_charge, Adm-8, true", "clinician,       Adm-8, true",
            "pharmacist,      Adm-8, false", "biomed,          Adm-8, false",
            "admin,           Adm-8, false"})
    void observations_areForTheBedsideRolesOfTheWard(String group, String wards, boolean allowed) {
        String bed = newBed();
        beds.admit("Adm-8", bed, newPatient(), Instant.parse("2026-11-20T10:00:00Z"));

        ApiGateway.Answer answer = post("/wards/Adm-8/beds/" + bed + "/observations", staff(group, wards),
                "{\"consciousness\": \"V\", \"oxygen\": true, \"time\": \"2026-11-20T11:00:00+01:00\"}");

        if (allowed) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            JsonPath o = answer.json();
            assertThat(o.getString("consciousness")).isEqualTo("V");
            assertThat(o.getString("consciousnessAt")).isEqualTo("2026-11-20T10:00:00Z");
            assertThat(o.getString("consciousnessBy")).isEqualTo(group + "-0042");
            assertThat(o.getBoolean("oxygen")).isTrue();
            assertThat(o.getString("news2")).isNull();
            List<Map<String, AttributeValue>> audit = auditOf("Adm-8", bed);
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).get("action").s()).isEqualTo("RECORD_OBSERVATIONS");
            assertThat(new JsonPath(audit.get(0).get("before").s()).getString("consciousness")).isNull();
            assertThat(new JsonPath(audit.get(0).get("after").s()).getString("consciousness")).isEqualTo("V");
        } else {
            assertProblem(answer, 403);
            assertThat(auditOf("Adm-8", bed)).isEmpty();
        }
    }

    @Test
    void anObservationOnANews2Ward_scoresTheBed() {
        String bed = newBed();
        beds.admit(StaffEmulator.OBSERVED_NEWS2_WARD, bed, newPatient(), Instant.parse("2026-11-20T10:00:00Z"));

        ApiGateway.Answer answer = post("/wards/" + StaffEmulator.OBSERVED_NEWS2_WARD + "/beds/" + bed + "/observations",
                staff("nurse", StaffEmulator.OBSERVED_NEWS2_WARD), "{\"consciousness\": \"A\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().getInt("news2.score")).isEqualTo(0);
        assertThat(answer.json().getBoolean("news2.partial")).isTrue();
        assertThat(answer.json().getList("news2.missing")).contains("air_or_oxygen").doesNotContain("consciousness");
    }

    @ParameterizedTest(name = "observation body {0} is refused")
    @ValueSource(strings = {
            "{}",
            "{\"consciousness\": \"X\"}",
            "{\"consciousness\": \"a\"}",
            "{\"oxygen\": true, \"time\": \"2999-01-01T00:00:00Z\"}"})
    void unprocessableObservations_are422(String body) {
        String bed = newBed();
        assertProblem(post("/wards/Adm-9/beds/" + bed + "/observations", staff("nurse", "Adm-9"), body), 422);
        assertThat(auditOf("Adm-9", bed)).isEmpty();
    }

    @ParameterizedTest(name = "observation body {0} is malformed")
    @ValueSource(strings = {
            "{\"oxygen\": \"yes\"}",
            "{\"oxygen\": 1}",
            "{\"consciousness\": 1}",
            "{\"oxygen\": true, \"time\": \"yesterday\"}",
            "{\"oxygen\": true, \"time\": \"2026-11-20T10:00:00\"}",
            "{\"oxygen\": true, \"by\": \"someone-else\"}",
            "{\"oxygen\": true",
            "[true]"})
    void malformedObservations_are400(String body) {
        String bed = newBed();
        assertProblem(post("/wards/Adm-9/beds/" + bed + "/observations", staff("nurse", "Adm-9"), body), 400);
        assertThat(auditOf("Adm-9", bed)).isEmpty();
    }

    @ParameterizedTest(name = "admission body {0} is malformed")
    @ValueSource(strings = {
            "{\"patientRef\": \"adm-1234\", \"spo2Scale\": \"2\"}",
            "{\"patientRef\": \"adm-1234\", \"spo2Scale\": 1.7}",
            "{\"patientRef\": 1234}",
            "{\"patientRef\": \"adm-1234\", \"by\": \"nic-0001\"}",
            "{\"transferFrom\": {\"ward\": \"Adm-10\", \"bed\": \"1\", \"patientRef\": \"adm-1234\"}}",
            "not json"})
    void malformedAdmissions_are400(String body) {
        String bed = newBed();
        ApiGateway.Answer answer = post(admission("Adm-10", bed), staff("clinician", "Adm-10"), body);
        assertProblem(answer, 400);
        assertThat(answer.body()).doesNotContain("adm-1234");
        assertThat(auditOf("Adm-10", bed)).isEmpty();
    }

    @Test
    void anUnknownField_isNamed() {
        ApiGateway.Answer answer = post(admission("Adm-10", newBed()), staff("clinician", "Adm-10"),
                "{\"patientRef\": \"adm-1234\", \"by\": \"nic-0001\"}");

        assertProblem(answer, 400);
        assertThat(answer.json().getString("detail")).startsWith("unknown field by");
    }

    @ParameterizedTest(name = "admission body {0} is unprocessable")
    @ValueSource(strings = {
            "{}",
            "{\"patientRef\": \"Jane Smith\"}",
            "{\"patientRef\": \"adm-1234\", \"spo2Scale\": 3}",
            "{\"patientRef\": \"adm-1234\", \"transferFrom\": {\"ward\": \"Adm-10\", \"bed\": \"1\"}}",
            "{\"transferFrom\": {\"ward\": \"Adm-10\", \"bed\": \"1\"}, \"spo2Scale\": 1}",
            "{\"transferFrom\": {\"ward\": \"Adm#10\", \"bed\": \"1\"}}"})
    void unprocessableAdmissions_are422_withoutThePatientRef(String body) {
        String bed = newBed();
        ApiGateway.Answer answer = post(admission("Adm-10", bed), staff("clinician", "Adm-10"), body);
        assertProblem(answer, 422);
        assertThat(answer.body()).doesNotContain("Jane").doesNotContain("adm-1234");
        assertThat(auditOf("Adm-10", bed)).isEmpty();
    }

    @ParameterizedTest(name = "content type {0} is refused 415")
    @ValueSource(strings = {"text/plain", "application/xml"})
    void bodiesOtherThanJson_are415(String type) {
        Map<String, String> clinician = staff("clinician", "Adm-11");
        String bed = newBed();
        assertProblem(send("POST", admission("Adm-11", bed), null, clinician, type, "patientRef=adm-1234"), 415);
        assertProblem(send("PUT", admission("Adm-11", bed) + "/settings", null, clinician, type, "reason=x"), 415);
        assertProblem(send("POST", "/wards/Adm-11/beds/" + bed + "/observations", null, clinician, type, "oxygen"),
                415);
    }

    @Test
    void malformedWardsAndBeds_are400_andNoCaller401() {
        Map<String, String> clinician = staff("clinician", "Adm-11");
        assertProblem(post("/wards/%21bad/beds/1/admission", clinician, "{\"patientRef\": \"adm-1234\"}"), 400);
        assertProblem(post("/wards/Adm-11/beds/1%232/admission", clinician, "{\"patientRef\": \"adm-1234\"}"), 400);
        assertProblem(delete("/wards/Adm-11/beds/1%232/admission", clinician), 400);
        assertProblem(post("/wards/Adm-11/beds/1/observations", null, "{\"oxygen\": true}"), 401);
        assertProblem(delete("/wards/Adm-11/beds/1/admission", null), 401);
    }

    @Test
    void theOpenApiDocument_describesTheAdmissionEndpoints() {
        JsonPath doc = send("GET", "/openapi", "format=json", null, null, null).json();

        String path = "paths.'/wards/{ward}/beds/{bed}/admission'";
        assertThat(doc.getMap(path + ".post.responses"))
                .containsKeys("200", "201", "400", "401", "403", "404", "409", "413", "415", "422");
        assertThat(doc.getMap(path + ".post.requestBody.content")).containsKey("application/json");
        assertThat(doc.getList(path + ".post.parameters.name")).containsExactlyInAnyOrder("ward", "bed");
        assertThat(doc.getMap(path + ".delete.responses")).containsKeys("200", "400", "401", "403", "404", "409");
        assertThat(doc.getMap("paths.'/wards/{ward}/beds/{bed}/admission/settings'.put.responses"))
                .containsKeys("200", "400", "401", "403", "404", "409", "415", "422");
        assertThat(doc.getMap("paths.'/wards/{ward}/beds/{bed}/observations'.post.responses"))
                .containsKeys("201", "400", "401", "403", "415", "422");
        assertThat(doc.getMap(path + ".delete.responses.'404'.content")).containsKey("application/problem+json");
        assertThat(doc.getMap("components.schemas")).containsKeys("AdmissionRequest", "BedRef", "AdmissionSettings",
                "ObservationRequest", "AdmissionView", "ObservationView", "News2Score", "AlertChange");
    }
}
