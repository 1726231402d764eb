package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.claims;
import static org.wardwatch.staffapi.ApiGateway.get;
import static org.wardwatch.staffapi.ApiGateway.send;
import static org.wardwatch.staffapi.DevicesApiTest.assertProblem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.reading.Metric;

/**
 * A bed's readings through the mock event server against moto, stored as the telemetry function stores them: who
 * may read them, the window (default, bounds, at most a day), one metric, pages newest first, and each malformed
 * parameter as problem details.
 */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class ReadingsApiTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private static final String WINDOW = "from=2026-11-20T09:00:00Z&to=2026-11-20T11:00:00Z";

    private final BedFixtures beds = new BedFixtures();

    private static Map<String, String> staff(String group, String wards) {
        return claims(group + "-0042", group, wards);
    }

    /** Four readings at ward's bed 5 (spo2 at T and T+2 min, heart rate at T+1 min, T+3 min), one at bed 6. */
    private void furnish(String ward) {
        String ox = ward.toLowerCase() + "-ox-5";
        beds.stored(ox, DeviceKind.PULSE_OXIMETER, ward, "5", Metric.SPO2, 95, T);
        beds.stored(ox, DeviceKind.PULSE_OXIMETER, ward, "5", Metric.HEART_RATE, 72, T.plusSeconds(60));
        beds.stored(ox, DeviceKind.PULSE_OXIMETER, ward, "5", Metric.SPO2, 93, T.plusSeconds(120));
        beds.stored(ox, DeviceKind.PULSE_OXIMETER, ward, "5", Metric.HEART_RATE, 80, T.plusSeconds(180));
        beds.stored(ward.toLowerCase() + "-ox-6", DeviceKind.PULSE_OXIMETER, ward, "6", Metric.SPO2, 99, T);
    }

    private static String readingsOf(String ward, String bed) {
        return "/beds/" + ward + "/" + bed + "/readings";
    }

    @ParameterizedTest(name = "{0} of {1} reads Rd-1's bed 5: {2}")
    @CsvSource({
            "nurse,           Rd-1,    true", "nurse,           W5, false",
            "nurse_in_charge, Rd-1,    true", "clinician,       W5 Rd-1, true",
            "pharmacist,      Rd-1,    true", "biomed,          Rd-1,    true",
            "admin,           Rd-1,    true", "admin,           W5,     false",
            "porter,          Rd-1,   false"})
    void aBedsReadings_areForTheStaffOfItsWard(String group, String wards, boolean allowed) {
        furnish("Rd-1");

        ApiGateway.Answer answer = get(readingsOf("Rd-1", "5"), WINDOW, staff(group, wards.replace(' ', ',')));

        if (allowed) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().getList("readings")).hasSize(4);
        } else {
            assertProblem(answer, 403);
        }
    }

    @Test
    void theReadings_comeNewestFirst_withMetricValueUnitSourceAndTime_ofThatBedOnly() {
        furnish("Rd-2");

        ApiGateway.Answer answer = get(readingsOf("Rd-2", "5"), WINDOW, staff("nurse", "Rd-2"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonPath page = answer.json();
        assertThat(page.getString("ward")).isEqualTo("Rd-2");
        assertThat(page.getString("bed")).isEqualTo("5");
        assertThat(page.getString("from")).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(page.getString("to")).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(page.getList("readings.time")).containsExactly("2026-11-20T10:03:00Z", "2026-11-20T10:02:00Z",
                "2026-11-20T10:01:00Z", "2026-11-20T10:00:00Z");
        assertThat(page.getMap("readings[1]")).containsOnly(Map.entry("metric", "spo2"), Map.entry("value", 93.0f),
                Map.entry("unit", "%"), Map.entry("source", "rd-2-ox-5"), Map.entry("time", "2026-11-20T10:02:00Z"));
        assertThat(page.getString("readings[0].unit")).isEqualTo("/min");
        assertThat(page.getString("next")).isNull();
        assertThat(answer.body()).doesNotContain("rd-2-ox-6");
    }

    @Test
    void oneMetric_isAskedByItsWireName_andAnUnknownOneIsRefusedListingTheKnown() {
        furnish("Rd-3");

        JsonPath spo2 = get(readingsOf("Rd-3", "5"), WINDOW + "&metric=spo2", staff("nurse", "Rd-3")).json();
        ApiGateway.Answer unknown = get(readingsOf("Rd-3", "5"), WINDOW + "&metric=SpO2", staff("nurse", "Rd-3"));

        assertThat(spo2.getList("readings.value")).containsExactly(93.0f, 95.0f);
        assertThat(spo2.getList("readings.metric")).containsOnly("spo2");
        assertProblem(unknown, 400);
        assertThat(unknown.json().getString("detail")).contains("heart_rate").contains("spo2");
    }

    @Test
    void theWindow_isFromInclusiveToExclusive_andDefaultsToTheLastHour() {
        furnish("Rd-4");

        JsonPath exact = get(readingsOf("Rd-4", "5"), "from=2026-11-20T10:01:00Z&to=2026-11-20T10:03:00Z",
                staff("nurse", "Rd-4")).json();
        JsonPath toOnly = get(readingsOf("Rd-4", "5"), "to=2026-11-20T10:01:30%2B00:00", staff("nurse", "Rd-4"))
                .json();
        JsonPath byDefault = get(readingsOf("Rd-4", "5"), null, staff("nurse", "Rd-4")).json();

        assertThat(exact.getList("readings.time")).containsExactly("2026-11-20T10:02:00Z", "2026-11-20T10:01:00Z");
        assertThat(toOnly.getString("from")).isEqualTo("2026-11-20T09:01:30Z");
        assertThat(toOnly.getList("readings.time")).containsExactly("2026-11-20T10:01:00Z", "2026-11-20T10:00:00Z");
        // the fixtures are in 2026: nothing of them in the hour before now
        assertThat(Instant.parse(byDefault.getString("to"))).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(60, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Instant.parse(byDefault.getString("from"))).isEqualTo(Instant.parse(byDefault.getString("to"))
                .minusSeconds(3600));
    }

    @Test
    void theReadings_comeAPageAtATime_andACursorOutsideTheWindowIsRefused() {
        furnish("Rd-5");
        Map<String, String> nurse = staff("nurse", "Rd-5");

        JsonPath first = get(readingsOf("Rd-5", "5"), WINDOW + "&limit=3", nurse).json();
        JsonPath second = get(readingsOf("Rd-5", "5"), WINDOW + "&limit=3&next=" + first.getString("next"), nurse)
                .json();
        JsonPath filtered = get(readingsOf("Rd-5", "5"), WINDOW + "&limit=1&metric=heart_rate", nurse).json();
        JsonPath filteredNext = get(readingsOf("Rd-5", "5"), WINDOW + "&limit=1&metric=heart_rate&next="
                + filtered.getString("next"), nurse).json();
        ApiGateway.Answer elsewhere = get(readingsOf("Rd-5", "5"), "from=2026-11-20T10:05:00Z"
                + "&to=2026-11-20T11:00:00Z&next=" + first.getString("next"), nurse);

        assertThat(first.getList("readings.time")).containsExactly("2026-11-20T10:03:00Z", "2026-11-20T10:02:00Z",
                "2026-11-20T10:01:00Z");
        assertThat(second.getList("readings.time")).containsExactly("2026-11-20T10:00:00Z");
        assertThat(second.getString("next")).isNull();
        assertThat(filtered.getList("readings.value")).containsExactly(80.0f);
        assertThat(filteredNext.getList("readings.value")).containsExactly(72.0f);
        assertThat(filteredNext.getString("next")).isNull();
        assertProblem(elsewhere, 400);
    }

    @Test
    void malformedParameters_areProblems_neverAServerError() {
        Map<String, String> nurse = staff("nurse", "Rd-6");
        assertProblem(get(readingsOf("Rd-6", "5"), "from=2026-11-18T10:00:00Z&to=2026-11-20T10:00:00Z", nurse),
                400);
        assertProblem(get(readingsOf("Rd-6", "5"), "from=2026-11-20T10:00:00Z&to=2026-11-20T10:00:00Z", nurse),
                400);
        assertProblem(get(readingsOf("Rd-6", "5"), "from=yesterday", nurse), 400);
        assertProblem(get(readingsOf("Rd-6", "5"), "to=2026-11-20T10:00:00", nurse), 400);
        assertProblem(get(readingsOf("Rd-6", "5"), "limit=101", nurse), 400);
        assertProblem(get(readingsOf("Rd-6", "5"), "next=bm9wZQ", nurse), 400);
        assertProblem(get("/beds/%21bad/5/readings", null, nurse), 400);
        assertProblem(get("/beds/Rd-6/5%235/readings", null, nurse), 400);
        assertProblem(get(readingsOf("Rd-6", "5"), null, null), 401);
    }

    @Test
    void theOpenApiDocument_describesTheReadings() {
        JsonPath doc = send("GET", "/openapi", "format=json", null, null, null).json();

        assertThat(doc.getList("paths.'/beds/{ward}/{bed}/readings'.get.parameters.name"))
                .containsExactlyInAnyOrder("ward", "bed", "metric", "from", "to", "limit", "next");
        assertThat(doc.getMap("paths.'/beds/{ward}/{bed}/readings'.get.responses"))
                .containsKeys("200", "400", "401", "403");
        assertThat(doc.getMap("paths.'/beds/{ward}/{bed}/readings'.get.responses.'400'.content"))
                .containsKey("application/problem+json");
        assertThat(doc.getMap("components.schemas")).containsKeys("ReadingList", "Reading");
    }
}
