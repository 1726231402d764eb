package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;
import static org.wardwatch.staffapi.ApiGateway.post;
import static org.wardwatch.staffapi.ApiGateway.send;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alerts endpoints through the mock event server, with payload 2.0 events as API Gateway's JWT authorizer passes
 * them, against moto: who may read and acknowledge what, the answers' problem details, the audit record.
 */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class AlertsApiTest {

    private final Alerts alerts = new Alerts();

    private static Map<String, String> staff(String group, String wards) {
        return claims(group + "-0017", group, wards);
    }

    private static void assertProblem(ApiGateway.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonPath p = answer.json();
        assertThat(p.getMap("$")).containsOnlyKeys("type", "title", "status", "detail");
        assertThat(p.getInt("status")).isEqualTo(status);
        assertThat(p.getString("type")).isEqualTo("about:blank");
        assertThat(p.getString("detail")).doesNotContain("\n").doesNotContain("Exception").doesNotContain("SECRET");
    }

    @Test
    void noClaims_orAnAccessTokens_areRefused401_onEveryEndpoint() {
        String id = alerts.openBedAlert("ICU-3");
        assertProblem(get("/alerts", "ward=ICU-3&state=open", null), 401);
        assertProblem(get("/alerts/" + id, null, null), 401);
        assertProblem(post("/alerts/" + id + "/ack", null, "{\"note\":\"x\"}"), 401);
        assertThat(get("/alerts", "ward=ICU-3", null).headers()).containsEntry("WWW-Authenticate", "Bearer");
        Map<String, String> accessToken = new HashMap<>(staff("nurse", "ICU-3"));
        accessToken.put("token_use", "access");
        assertProblem(post("/alerts/" + id + "/ack", accessToken, "{}"), 401);
        assertThat(alerts.auditOf(id)).isEmpty();
    }

    @ParameterizedTest(name = "{0} of {1} reads ICU-3: {2}")
    @CsvSource({
            "nurse,           ICU-3,    true", "nurse,           W5, false",
            "nurse_in_charge, ICU-3,    true", "nurse_in_charge, W5, false",
            "clinician,       W5 ICU-3, true", "clinician,       W5, false",
            "pharmacist,      ICU-3,    true", "pharmacist,      W5, false",
            "biomed,          ICU-3,    true", "biomed,          W5, false",
            "admin,           ICU-3,    true", "admin,           W5, false",
            "porter,          ICU-3,   false"})
    void aWardIsReadByItsStaffAlone(String group, String wards, boolean allowed) {
        String id = alerts.openBedAlert("ICU-3");
        Map<String, String> caller = staff(group, wards.replace(' ', ','));

        ApiGateway.Answer list = get("/alerts", "ward=ICU-3&state=open", caller);
        ApiGateway.Answer one = get("/alerts/" + id, null, caller);

        if (allowed) {
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().getList("alerts.alertId")).contains(id);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().getString("alertId")).isEqualTo(id);
            assertThat(one.json().getString("openedAt")).isEqualTo("2026-11-20T10:00:00Z");
            assertThat(one.json().getList("timeline.event")).containsExactly("OPENED");
        } else {
            assertProblem(list, 403);
            assertProblem(one, 403);
        }
    }

    @Test
    void theList_holdsTheWardsOpenAlertsOnly() {
        String here = alerts.openBedAlert("ICU-3");
        String elsewhere = alerts.openBedAlert("W5");
        String closed = alerts.closed("ICU-3");

        JsonPath list = get("/alerts", "ward=ICU-3", staff("nurse", "ICU-3")).json();

        assertThat(list.getList("alerts.alertId")).contains(here).doesNotContain(elsewhere, closed);
        assertThat(list.getList("alerts.ward")).containsOnly("ICU-3");
        assertThat(list.getString("state")).isEqualTo("open");
    }

    @ParameterizedTest(name = "{0} of {1} acknowledges {2} at {3}: {4}")
    @CsvSource({
            "nurse,           ICU-3,    THRESHOLD,  ICU-3,    200",
            "nurse,           W5,       THRESHOLD,  ICU-3,    403",
            "nurse,           ICU-3,    COLD_CHAIN, ICU-3,    200",
            "nurse_in_charge, ICU-3,    NEWS2,      ICU-3,    200",
            "nurse_in_charge, W5,       NEWS2,      ICU-3,    403",
            "nurse_in_charge, ICU-3,    ENVIRONMENT, ICU-3,   200",
            "clinician,       ICU-3,    THRESHOLD,  ICU-3,    200",
            "clinician,       W5,       THRESHOLD,  ICU-3,    403",
            "nurse,           ICU-3,    DEVICE,     ICU-3,    200",
            "pharmacist,      ICU-3,    THRESHOLD,  ICU-3,    403",
            "pharmacist,      Pharmacy, COLD_CHAIN, Pharmacy, 200",
            "pharmacist,      ICU-3,    COLD_CHAIN, Pharmacy, 403",
            "pharmacist,      Pharmacy, DEVICE,     Pharmacy, 403",
            "biomed,          ICU-3,    DEVICE,     ICU-3,    200",
            "biomed,          W5,       DEVICE,     ICU-3,    403",
            "biomed,          ICU-3,    THRESHOLD,  ICU-3,    403",
            "biomed,          Pharmacy, COLD_CHAIN, Pharmacy, 403",
            "admin,           ICU-3,    THRESHOLD,  ICU-3,    403",
            "admin,           ICU-3,    DEVICE,     ICU-3,    403",
            "admin,           W5,       THRESHOLD,  ICU-3,    403"})
    void anAcknowledgement_isAllowedByRoleAlertTypeAndWard_andAuditedWhenMade(String group, String wards,
            String type, String ward, int status) {
        String place = switch (type) {
            case "COLD_CHAIN" -> "fridge-01";
            case "DEVICE" -> "monitor-12";
            case "ENVIRONMENT" -> "room 3";
            default -> "bed 12";
        };
        String id = alerts.open(type, ward, place, type.equals("DEVICE") ? "battery" : "spo2");
        Map<String, String> caller = staff(group, wards);

        ApiGateway.Answer answer = post("/alerts/" + id + "/ack", caller, "{\"note\":\"  on my way \"}");

        if (status == 200) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().getString("alert.acknowledgedBy")).isEqualTo(group + "-0017");
            assertThat(answer.json().getString("alert.acknowledgementNote")).isEqualTo("on my way");
            assertThat(answer.json().getString("alert.acknowledgedAt")).endsWith("Z");
            assertThat(answer.json().getList("alert.timeline.event")).containsExactly("OPENED", "ACKNOWLEDGED");
            List<Map<String, AttributeValue>> audit = alerts.auditOf(id);
            assertThat(audit).hasSize(1);
            Map<String, AttributeValue> item = audit.get(0);
            assertThat(item.get("who").s()).isEqualTo(group + "-0017");
            assertThat(item.get("roles").s()).isEqualTo(group);
            assertThat(item.get("action").s()).isEqualTo("ACKNOWLEDGE_ALERT");
            assertThat(item.get("ward").s()).isEqualTo(ward);
            assertThat(item.get("pk").s()).startsWith("AU#").hasSize(13);
            assertThat(item.get("sk").s()).startsWith(item.get("at").s() + "#");
            assertThat(item.get("requestId").s()).startsWith("req-");
            assertThat(new JsonPath(item.get("before").s()).getString("acknowledgedBy")).isNull();
            assertThat(new JsonPath(item.get("after").s()).getString("acknowledgedBy")).isEqualTo(group + "-0017");
        } else {
            assertProblem(answer, 403);
            assertThat(alerts.auditOf(id)).isEmpty();
            assertThat(get("/alerts/" + id, null, staff("nurse", ward)).json().getString("acknowledgedBy")).isNull();
        }
    }

    @Test
    void aSecondAcknowledgement_isAConflict_namingTheFirst_andAuditsNothing() {
        String id = alerts.openBedAlert("ICU-3");
        assertThat(post("/alerts/" + id + "/ack", staff("nurse", "ICU-3"), "{}").status()).isEqualTo(200);

        ApiGateway.Answer second = post("/alerts/" + id + "/ack", staff("clinician", "ICU-3"), "{\"note\":\"x\"}");

        assertProblem(second, 409);
        assertThat(second.json().getString("detail")).contains("already acknowledged by nurse-0017");
        assertThat(alerts.auditOf(id)).hasSize(1);
    }

    @Test
    void aClosedAlert_isAConflict() {
        String id = alerts.closed("ICU-3");

        ApiGateway.Answer answer = post("/alerts/" + id + "/ack", staff("nurse", "ICU-3"), null);

        assertProblem(answer, 409);
        assertThat(answer.json().getString("detail")).contains("is closed");
        assertThat(alerts.auditOf(id)).isEmpty();
    }

    @Test
    void anUnknownAlert_isNotFound_onReadAndAcknowledge() {
        assertProblem(get("/alerts/ZZZZZZZ", null, staff("nurse", "ICU-3")), 404);
        assertProblem(post("/alerts/ZZZZZZZ/ack", staff("nurse", "ICU-3"), "{}"), 404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON          | {"note": "SECRET                         | 400
            not an object           | ["SECRET"]                               | 400
            an unknown field        | {"note":"x","patientRef":"SECRET"}       | 400
            a note not text         | {"note":17}                              | 400
            a note that is a list   | {"note":["SECRET"]}                      | 400
            trailing tokens         | {"note":"x"} {"SECRET":1}                | 400
            """)
    void aMalformedBody_isABadRequest_inProblemDetails(String what, String body, int status) {
        String id = alerts.openBedAlert("ICU-3");

        ApiGateway.Answer answer = post("/alerts/" + id + "/ack", staff("nurse", "ICU-3"), body);

        assertProblem(answer, status);
        assertThat(alerts.auditOf(id)).as(what).isEmpty();
    }

    @Test
    void aNoteOver500Characters_isUnprocessable() {
        String id = alerts.openBedAlert("ICU-3");

        ApiGateway.Answer answer = post("/alerts/" + id + "/ack", staff("nurse", "ICU-3"),
                "{\"note\":\"" + "n".repeat(501) + "\"}");

        assertProblem(answer, 422);
        assertThat(answer.json().getString("detail")).contains("at most 500 characters, this one has 501");
    }

    @Test
    void aBodyOver8KiB_isTooLarge() {
        String id = alerts.openBedAlert("ICU-3");

        assertProblem(post("/alerts/" + id + "/ack", staff("nurse", "ICU-3"),
                "{\"note\":\"" + "n".repeat(9000) + "\"}"), 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml"})
    void aBodyThatIsNotJson_isAnUnsupportedMediaType(String contentType) {
        String id = alerts.openBedAlert("ICU-3");

        assertProblem(send("POST", "/alerts/" + id + "/ack", null, staff("nurse", "ICU-3"), contentType,
                "note=SECRET"), 415);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no ward               | /alerts             | state=open
            a ward with a hash    | /alerts             | ward=ICU-3%23SECRET
            a state that is none  | /alerts             | ward=ICU-3&state=gone
            an id that is not one | /alerts/SECRET-1    |
            """)
    void aMalformedParameter_isABadRequest(String what, String path, String query) {
        assertProblem(get(path, query, staff("nurse", "ICU-3")), 400);
    }

    @Test
    void anUnknownPath_orMethod_isAProblemToo() {
        assertProblem(get("/nowhere", null, staff("nurse", "ICU-3")), 404);
        assertProblem(send("DELETE", "/alerts/ZZZZZZZ", null, staff("nurse", "ICU-3"), null, null), 405);
    }

    @Test
    void theOpenApiDocument_describesEveryEndpoint_itsParametersBodiesAndErrors() {
        ApiGateway.Answer answer = send("GET", "/openapi", "format=json", null, null, null);
        assertThat(answer.status()).isEqualTo(200);
        JsonPath doc = answer.json();

        assertThat(doc.getString("openapi")).startsWith("3.");
        assertThat(doc.getMap("paths")).containsOnlyKeys("/alerts", "/alerts/{alertId}", "/alerts/{alertId}/ack",
                "/wards", "/wards/{ward}/beds", "/devices", "/storage", "/storage/{device}/excursions",
                "/storage/{device}/excursions/{start}/ack", "/storage/{device}/temperature-log", "/audit",
                "/beds/{ward}/{bed}/readings", "/wards/{ward}/beds/{bed}/admission",
                "/wards/{ward}/beds/{bed}/admission/settings", "/wards/{ward}/beds/{bed}/observations",
                "/dashboard", "/dashboard/{file}");
        assertThat(doc.getList("paths.'/alerts'.get.parameters.name")).containsExactlyInAnyOrder("ward", "state",
                "type", "severity", "from", "to", "limit", "next");
        assertThat(doc.getMap("paths.'/alerts'.get.responses")).containsKeys("200", "400", "401", "403");
        assertThat(doc.getMap("paths.'/alerts/{alertId}'.get.responses"))
                .containsKeys("200", "400", "401", "403", "404");
        assertThat(doc.getMap("paths.'/alerts/{alertId}/ack'.post.responses"))
                .containsKeys("200", "400", "401", "403", "404", "409", "413", "415", "422");
        assertThat(doc.getMap("paths.'/alerts/{alertId}/ack'.post.requestBody.content"))
                .containsKey("application/json");
        assertThat(doc.getMap("paths.'/alerts/{alertId}/ack'.post.responses.'409'.content"))
                .containsKey("application/problem+json");
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "Alert", "AlertEvent",
                "Acknowledgement", "Acknowledged", "AlertList");
        assertThat(doc.getMap("components.securitySchemes.cognito")).containsEntry("scheme", "bearer");
    }
}
