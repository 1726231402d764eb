package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.alert.Severity;

/**
 * {@code GET /alerts}: a ward's open or closed alerts, by type and severity, in a window, newest first, a page at a
 * time; through the mock event server against moto. Each test has a ward of its own.
 */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class AlertHistoryApiTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private final Alerts alerts = new Alerts();
    private final String ward = "AH-" + UUID.randomUUID().toString().substring(0, 6);

    private Map<String, String> nurse() {
        return claims("nurse-0017", "nurse", ward);
    }

    private JsonPath list(String query) {
        ApiGateway.Answer answer = get("/alerts", "ward=" + ward + "&" + query, nurse());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void closedAlerts_areTheWardsClosedOnes_openedInTheWindow_newestFirst() {
        String first = alerts.closed(ward, "THRESHOLD", Severity.WARNING, T);
        String second = alerts.closed(ward, "NEWS2", Severity.CRITICAL, T.plusSeconds(3600));
        String before = alerts.closed(ward, "THRESHOLD", Severity.WARNING, T.minus(2, ChronoUnit.DAYS));
        String open = alerts.open("THRESHOLD", ward, Severity.WARNING, T.plusSeconds(60));
        String elsewhere = alerts.closed(ward + "X", "THRESHOLD", Severity.WARNING, T.plusSeconds(60));

        JsonPath page = list("state=closed&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00+00:00");

        assertThat(page.getString("state")).isEqualTo("closed");
        assertThat(page.getList("alerts.alertId")).containsExactly(second, first).doesNotContain(before, open,
                elsewhere);
        assertThat(page.getList("alerts.resolvedAt")).doesNotContainNull();
        assertThat(page.getString("next")).isNull();
    }

    @Test
    void closedAlerts_withoutAWindow_areThoseOfTheLastSevenDays() {
        String recent = alerts.closed(ward, "THRESHOLD", Severity.WARNING, Instant.now().minus(1, ChronoUnit.DAYS));
        String old = alerts.closed(ward, "THRESHOLD", Severity.WARNING, Instant.now().minus(8, ChronoUnit.DAYS));

        assertThat(list("state=closed").getList("alerts.alertId")).containsExactly(recent).doesNotContain(old);
    }

    @Test
    void typeAndSeverity_narrowTheList_openOrClosed() {
        String warning = alerts.open("THRESHOLD", ward, Severity.WARNING, T);
        String critical = alerts.open("THRESHOLD", ward, Severity.CRITICAL, T.plusSeconds(1));
        String news2 = alerts.open("NEWS2", ward, Severity.CRITICAL, T.plusSeconds(2));
        String closedNews2 = alerts.closed(ward, "NEWS2", Severity.CRITICAL, T.plusSeconds(3));

        assertThat(list("type=THRESHOLD").getList("alerts.alertId")).containsExactly(critical, warning);
        assertThat(list("severity=CRITICAL").getList("alerts.alertId")).containsExactly(news2, critical);
        assertThat(list("state=open&type=NEWS2&severity=CRITICAL").getList("alerts.alertId")).containsExactly(news2);
        String closedWarning = alerts.closed(ward, "THRESHOLD", Severity.WARNING, T.plusSeconds(4));
        String day = "&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        assertThat(list("state=closed&type=NEWS2" + day).getList("alerts.alertId")).containsExactly(closedNews2);
        assertThat(list("state=closed&severity=CRITICAL" + day).getList("alerts.alertId"))
                .as("a closed alert's highest severity").containsExactly(closedNews2).doesNotContain(closedWarning);
    }

    @Test
    void aLongList_comesAPageAtATime_eachAlertOnce() {
        String a = alerts.closed(ward, "THRESHOLD", Severity.WARNING, T);
        String b = alerts.closed(ward, "THRESHOLD", Severity.WARNING, T.plusMillis(1));
        String c = alerts.closed(ward, "THRESHOLD", Severity.WARNING, T.plusMillis(2));
        String window = "state=closed&from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z&limit=2";

        JsonPath first = list(window);
        JsonPath second = list(window + "&next=" + first.getString("next"));

        assertThat(first.getList("alerts.alertId")).containsExactly(c, b);
        assertThat(second.getList("alerts.alertId")).containsExactly(a);
        assertThat(second.getString("next")).isNull();
    }

    @Test
    void openAlerts_comeAPageAtATime_too() {
        String a = alerts.open("THRESHOLD", ward, Severity.WARNING, T);
        String b = alerts.open("THRESHOLD", ward, Severity.WARNING, T.plusSeconds(1));

        JsonPath first = list("limit=1");
        JsonPath second = list("limit=1&next=" + first.getString("next"));

        assertThat(first.getList("alerts.alertId")).containsExactly(b);
        assertThat(second.getList("alerts.alertId")).containsExactly(a);
        assertThat(second.getString("next")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a state that is none      | state=gone
            a type that is none       | type=PUMP
            a severity that is none   | severity=NONE
            a time without an offset  | state=closed&from=2026-11-20T10:00:00
            a time that is no time    | state=closed&to=yesterday
            from after to             | from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z
            closed over 31 days       | state=closed&from=2026-10-01T00:00:00Z&to=2026-11-20T00:00:00Z
            a limit of none           | limit=0
            a limit over a hundred    | limit=101
            a cursor that is none     | next=%25%25%25
            """)
    void aMalformedListParameter_isABadRequestNamingIt(String what, String query) {
        ApiGateway.Answer answer = get("/alerts", "ward=" + ward + "&" + query, nurse());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("detail")).doesNotContain("Exception")
                .containsAnyOf("state", "type", "severity", "from", "to", "limit", "next");
    }

    @Test
    void aWardTheCallerDoesNotServe_isRefused_whateverTheFilters() {
        ApiGateway.Answer answer = get("/alerts", "ward=" + ward + "&state=closed",
                claims("nurse-0017", "nurse", "W5"));

        assertThat(answer.status()).isEqualTo(403);
    }
}
