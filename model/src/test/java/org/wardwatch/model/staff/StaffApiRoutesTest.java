package org.wardwatch.model.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffApiRoutesTest {

    @Test
    void everyRoute_isAMethodAndAPath_asApiGatewayKeysThem() {
        List<String> all = new ArrayList<>(StaffApiRoutes.AUTHORIZED);
        all.add(StaffApiRoutes.OPENAPI);
        assertThat(all).allSatisfy(key -> assertThat(key).matches(StaffApiRoutes.ROUTE_KEY));
        assertThat(StaffApiRoutes.ROUTE_KEY.matcher("GET /alerts/").matches()).isFalse();
        assertThat(StaffApiRoutes.ROUTE_KEY.matcher("ANY /{proxy+}").matches()).isFalse();
        assertThat(StaffApiRoutes.ROUTE_KEY.matcher("GET  /alerts").matches()).isFalse();
    }

    @Test
    void noRouteIsNamedTwice_andTheOpenApiDocumentIsNotAuthorized() {
        assertThat(StaffApiRoutes.AUTHORIZED).doesNotHaveDuplicates().doesNotContain(StaffApiRoutes.OPENAPI);
    }

    @Test
    void aRouteKey_splitsIntoItsMethodAndPath() {
        assertThat(StaffApiRoutes.method("POST /storage/{device}/excursions/{start}/ack")).isEqualTo("POST");
        assertThat(StaffApiRoutes.path("POST /storage/{device}/excursions/{start}/ack"))
                .isEqualTo("/storage/{device}/excursions/{start}/ack");
    }
}
