package org.wardwatch.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.localstack.tenant.TenantHttpApi;
import org.wardwatch.model.staff.StaffApiRoutes;

/** Route selection as API Gateway's HTTP API does it, on the staff API's own route keys. */
class RouteTableTest {

    private static final RouteTable STAFF_API = new RouteTable(java.util.stream.Stream.concat(
                    StaffApiRoutes.AUTHORIZED.stream(), java.util.stream.Stream.of(StaffApiRoutes.OPENAPI))
            .map(key -> new TenantHttpApi.Route(key, !key.equals(StaffApiRoutes.OPENAPI), Duration.ofSeconds(30)))
            .toList());

    private static String key(String method, String path) {
        return STAFF_API.match(method, path).map(m -> m.route().routeKey()).orElse(null);
    }

    @Test
    void eachRoute_isFoundByItsMethodAndPath_withItsParameters() {
        var match = STAFF_API.match("POST", "/storage/pharmacy-fridge-1/excursions/2026-11-20T10:00:00Z/ack")
                .orElseThrow();

        assertThat(match.route().routeKey()).isEqualTo("POST /storage/{device}/excursions/{start}/ack");
        assertThat(match.pathParameters()).isEqualTo(Map.of("device", "pharmacy-fridge-1",
                "start", "2026-11-20T10:00:00Z"));
        assertThat(key("GET", "/beds/ICU-3/7/readings")).isEqualTo("GET /beds/{ward}/{bed}/readings");
        assertThat(key("DELETE", "/wards/ICU-3/beds/7/admission")).isEqualTo("DELETE /wards/{ward}/beds/{bed}/admission");
        assertThat(key("GET", "/openapi")).isEqualTo("GET /openapi");
        assertThat(STAFF_API.match("GET", "/openapi").orElseThrow().route().authorized()).isFalse();
    }

    @Test
    void pathParameters_areUrlDecoded() {
        assertThat(STAFF_API.match("GET", "/wards/ICU%203/beds").orElseThrow().pathParameters())
                .containsEntry("ward", "ICU 3");
        assertThat(STAFF_API.match("GET", "/wards/a+b/beds").orElseThrow().pathParameters())
                .as("a plus in a path is a plus").containsEntry("ward", "a+b");
    }

    @Test
    void anotherMethod_anExtraOrMissingSegment_orAnEmptyParameter_matchesNothing() {
        assertThat(key("PATCH", "/wards")).isNull();
        assertThat(key("GET", "/wards/ICU-3")).isNull();
        assertThat(key("GET", "/wards/ICU-3/beds/7")).isNull();
        assertThat(key("GET", "/wards//beds")).isNull();
        assertThat(key("GET", "/wards/")).isNull();
        assertThat(key("GET", "/")).isNull();
    }

    @Test
    void aLiteralSegment_winsOverAParameter() {
        RouteTable table = new RouteTable(List.of(
                new TenantHttpApi.Route("GET /wards/{ward}", true, Duration.ofSeconds(1)),
                new TenantHttpApi.Route("GET /wards/mine", true, Duration.ofSeconds(1))));

        assertThat(table.match("GET", "/wards/mine").orElseThrow().route().routeKey()).isEqualTo("GET /wards/mine");
        assertThat(table.match("GET", "/wards/W5").orElseThrow().route().routeKey()).isEqualTo("GET /wards/{ward}");
    }
}
