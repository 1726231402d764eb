package org.wardwatch.staffapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wardwatch.staffapi.ApiGateway.get;
import static org.wardwatch.staffapi.DevicesApiTest.assertProblem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's files through the function, without a token: the page, its script and style, its sign-in config. */
@QuarkusTest
@QuarkusTestResource(StaffEmulator.class)
class DashboardApiTest {

    @Test
    void thePage_isServedWithoutAToken_andLoadsItsScriptAndStyle() {
        ApiGateway.Answer page = get("/dashboard", null, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<form id=\"sign-in\"").contains("/dashboard/app.js")
                .contains("/dashboard/style.css");
        assertThat(get("/dashboard/app.js", null, null).contentType()).startsWith("text/javascript");
        assertThat(get("/dashboard/app.js", null, null).body()).contains("InitiateAuth");
        assertThat(get("/dashboard/style.css", null, null).contentType()).startsWith("text/css");
    }

    @Test
    void theConfig_namesTheDashboardsClient_andWhereToSignIn() {
        ApiGateway.Answer config = get("/dashboard/config.json", null, null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().getString("clientId")).isEqualTo(StaffEmulator.DASHBOARD_CLIENT);
        assertThat(config.json().getString("cognitoEndpoint")).startsWith("http");
        assertThat(config.json().getString("region")).isNotBlank();
    }

    @Test
    void anyOtherFile_isA404Problem() {
        assertProblem(get("/dashboard/application.properties", null, null), 404);
        assertProblem(get("/dashboard/..%2Fapplication.properties", null, null), 404);
    }
}
