package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;
import static org.wardwatch.staffapi.ApiGateway.post;
import static org.wardwatch.staffapi.DevicesApiTest.assertProblem;

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
import org.junit.jupiter.params.provider.ValueSource;

/** GET /audit through the mock event server against moto: the tenant's writes, for its admins alone. */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class AuditApiTest {

    private final StorageFixtures fixtures = new StorageFixtures();
    private final AuditLog audit = new AuditLog(StaffEmulator.dynamo(), StaffEmulator.AUDIT);

    @Test
    void anExcursionsAcknowledgement_isReadBackByAnAdmin_withBeforeAndAfterAsJson() {
        fixtures.fridge("audit-fridge", "Pharm-A");
        fixtures.excursion("audit-fridge", "2026-11-24T09:00:00.000Z", null, 8.4, 9.6, "WARNING", null,
                StaffEmulator.TENANT);
        Instant before = Instant.now();
        assertThat(post("/storage/audit-fridge/excursions/2026-11-24T09:00:00Z/ack",
                claims("pharmacist-0042", "pharmacist", "Pharm-A"), "{\"note\":\"stock quarantined\"}").status())
                .isEqualTo(200);

        ApiGateway.Answer answer = get("/audit", null, claims("admin-0001", "admin", "Other-Ward"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonPath page = answer.json();
        List<Map<String, Object>> entries = page.getList("entries");
        Map<String, Object> entry = entries.stream().filter(e -> "audit-fridge#2026-11-24T09:00:00Z"
                .equals(e.get("target"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("who", "pharmacist-0042").containsEntry("action", "ACKNOWLEDGE_EXCURSION")
                .containsEntry("ward", "Pharm-A").containsEntry("roles", List.of("pharmacist"));
        assertThat(Instant.parse((String) entry.get("at"))).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(page.getString("entries.find { it.target == 'audit-fridge#2026-11-24T09:00:00Z' }"
                + ".before.acknowledgedBy")).isNull();
        assertThat(page.getString("entries.find { it.target == 'audit-fridge#2026-11-24T09:00:00Z' }"
                + ".after.acknowledgedBy")).isEqualTo("pharmacist-0042");
        assertThat(page.getString("entries.find { it.target == 'audit-fridge#2026-11-24T09:00:00Z' }"
                + ".after.actionsTaken")).isEqualTo("stock quarantined");
        assertThat((String) entry.get("requestId")).startsWith("req-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nurse", "nurse_in_charge", "clinician", "pharmacist", "biomed", "porter"})
    void everyoneButAnAdmin_isRefused(String group) {
        assertProblem(get("/audit", null, claims(group + "-0001", group, "ICU-3")), 403);
    }

    @Test
    void noCaller_isUnauthorized() {
        assertProblem(get("/audit", null, null), 401);
    }

    @Test
    void entries_comeInTimeOrder_acrossDays_inPages() {
        List<String> targets = new ArrayList<>();
        for (String at : new String[] {"2026-03-01T23:59:59.999Z", "2026-03-01T10:00:00Z", "2026-03-02T00:00:00Z",
                "2026-03-01T10:00:00.500Z", "2026-03-03T08:00:00Z", "2026-03-04T08:00:00Z"}) {
            audit.append(new AuditLog.Entry(Instant.parse(at), "nic-0001", "nurse_in_charge", "ADMIT",
                    "W5#" + at, "W5", "{}", "{\"patientRef\":\"P-1\"}", null));
        }
        String next = null;
        int pages = 0;
        do {
            JsonPath page = get("/audit", "from=2026-03-01T10:00:00Z&to=2026-03-04T08:00:00Z&limit=2"
                    + (next == null ? "" : "&next=" + next), claims("admin-0001", "admin", "ICU-3")).json();
            targets.addAll(page.getList("entries.target"));
            next = page.getString("next");
            pages++;
        } while (next != null && pages < 10);

        assertThat(targets).containsExactly("W5#2026-03-01T10:00:00Z", "W5#2026-03-01T10:00:00.500Z",
                "W5#2026-03-01T23:59:59.999Z", "W5#2026-03-02T00:00:00Z", "W5#2026-03-03T08:00:00Z");
        assertThat(pages).isEqualTo(3);
        JsonPath offset = get("/audit", "from=2026-03-01T11:00:00%2B01:00&to=2026-03-01T10:00:00.600Z",
                claims("admin-0001", "admin", "ICU-3")).json();
        assertThat(offset.getList("entries.target")).containsExactly("W5#2026-03-01T10:00:00Z",
                "W5#2026-03-01T10:00:00.500Z");
        assertThat(offset.getString("entries[0].after.patientRef")).isEqualTo("P-1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a from that is no time | from=yesterday
            a to without offset    | to=2026-03-01T10:00:00
            from after to          | from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z
            a span over 31 days    | from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:01Z
            a limit of 0           | limit=0
            a cursor not ours      | next=SECRET
            """)
    void aMalformedParameter_isABadRequest(String what, String query) {
        assertProblem(get("/audit", query, claims("admin-0001", "admin", "ICU-3")), 400);
    }
}
