package org.wardwatch.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.emulator.ProjectRoot;
import org.wardwatch.localstack.LocalStack;
import org.wardwatch.localstack.staff.StaffUsers;
import org.wardwatch.localstack.tenant.StaffPool;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * The staff API end to end through the local front, as a dashboard calls it: each demo user signs in against the
 * emulator's Cognito (USER_PASSWORD_AUTH) and calls {@code http://127.0.0.1:<port>} with their ID token; the front
 * checks the token as the API's JWT authorizer, and the packaged staff function (under the Lambda runtime
 * interface client) checks role and ward again. Refusals by the authorizer are API Gateway's own
 * {@code {"message":"Unauthorized"}}; refusals by the function are problem details.
 */
class StaffApiFrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalStack stack;
    private static URI api;
    private static StaffPool pool;
    private static final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    static void startTheStackAndServeTheApi() {
        Path root = ProjectRoot.find();
        stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/runner/target/staff-api-front-test"), 1,
                List.of(Duration.ofMillis(100), Duration.ofMillis(100)), System.err));
        // The wards exist for the API once devices are placed in them, as the demo command places its ward's.
        stack.declare(oximeter("front-icu3-bed1-spo2", "ICU-3", "1"));
        stack.declare(oximeter("front-w5-bed2-spo2", "W5", "2"));
        api = stack.serveApi().orElseThrow();
        pool = stack.tenant().staffPool().orElseThrow();
        StaffUsers staff = stack.createDemoStaff().orElseThrow();
        for (StaffUsers.StaffUser user : staff.all()) {
            tokens.put(user.username(), signIn(pool.clientId(), user));
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static DeviceSpec oximeter(String thing, String ward, String bed) {
        return new DeviceSpec(TenantId.of(stack.tenant().tenantId()), ThingName.of(thing), DeviceKind.PULSE_OXIMETER,
                ward, bed, null);
    }

    private static String signIn(String clientId, StaffUsers.StaffUser user) {
        return stack.cognito().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())))
                .authenticationResult().idToken();
    }

    private static HttpResponse<String> call(String method, String path, String authorization, String contentType,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return call("GET", path, "Bearer " + tokens.get(user), null, null);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void assertUnauthorized(HttpResponse<String> response, String reason) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(json(response)).isEqualTo(JSON.createObjectNode().put("message", "Unauthorized"));
        assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(
                h -> assertThat(h).contains(reason));
    }

    /** Who may read what, as the function decides for each caller's role and wards (issue 16). */
    @ParameterizedTest(name = "{0} GET {1}: {2}")
    @CsvSource({
            "nurse-icu3,           /wards,                     200",
            "nurse-icu3,           /wards/ICU-3/beds,          200",
            "nurse-icu3,           /wards/W5/beds,             403",
            "nurse-w5,             /wards/W5/beds,             200",
            "nurse-w5,             /wards/ICU-3/beds,          403",
            "nurse-in-charge-icu3, /wards/ICU-3/beds,          200",
            "nurse-in-charge-icu3, /alerts?ward=W5,            403",
            "clinician-icu3-w5,    /wards/ICU-3/beds,          200",
            "clinician-icu3-w5,    /wards/W5/beds,             200",
            "clinician-icu3-w5,    /alerts?ward=W5&state=closed, 200",
            "nurse-icu3,           /alerts?ward=ICU-3,         200",
            "nurse-icu3,           /alerts?ward=W5,            403",
            "nurse-icu3,           /devices?ward=ICU-3,        200",
            "nurse-w5,             /devices?ward=ICU-3,        403",
            "biomed,               /devices?ward=ICU-3,        200",
            "biomed,               /devices?ward=W5,           200",
            "pharmacist,           /storage,                   200",
            "pharmacist,           /storage?ward=Pharmacy,     200",
            "pharmacist,           /storage?ward=ICU-3,        403",
            "pharmacist,           /wards/ICU-3/beds,          403",
            "admin,                /audit,                     200",
            "nurse-icu3,           /audit,                     403",
            "clinician-icu3-w5,    /audit,                     403",
            "pharmacist,           /audit,                     403",
    })
    void eachRoleAndWard_isAllowedOrRefused(String user, String path, int status) throws Exception {
        HttpResponse<String> response = get(path, user);

        if (status == 200) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            assertThat(json(response).isObject()).isTrue();
        } else {
            assertProblem(response, status);
        }
    }

    @Test
    void theFront_servesTheTemplatesRoutes_exactlyTheModelsRouteKeys_withTheAuthorizerOnAllButThePublicOnes() {
        var http = stack.tenant().httpApi().orElseThrow();

        assertThat(http.routes()).extracting(r -> r.routeKey()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(org.wardwatch.model.staff.StaffApiRoutes.AUTHORIZED.stream(),
                        org.wardwatch.model.staff.StaffApiRoutes.PUBLIC.stream()).toList());
        assertThat(http.routes()).allSatisfy(r -> assertThat(r.authorized())
                .isEqualTo(!org.wardwatch.model.staff.StaffApiRoutes.PUBLIC.contains(r.routeKey())));
        assertThat(http.issuer()).isEqualTo(pool.issuer());
        assertThat(http.audience()).containsExactly(pool.clientId());
    }

    /**
     * A patient's stay through the API, each write by a role allowed to make it after one that is not, and the
     * audit afterwards: who, what, which bed, for every write and no refusal.
     */
    @Test
    void admissionSettingsObservationsAndDischarge_byTheRolesAllowed_areEachAudited() throws Exception {
        String bed = "/wards/ICU-3/beds/1";
        String admit = "{\"patientRef\":\"front-0001\"}";
        assertProblem(call("POST", bed + "/admission", bearer("nurse-icu3"), "application/json", admit), 403);
        assertProblem(call("POST", bed + "/admission", bearer("nurse-w5"), "application/json", admit), 403);
        assertThat(call("POST", bed + "/admission", bearer("nurse-in-charge-icu3"), "application/json", admit)
                .statusCode()).isEqualTo(201);

        String settings = "{\"spo2Scale\":2,\"reason\":\"hypercapnic respiratory failure, target 88-92%\"}";
        assertProblem(call("PUT", bed + "/admission/settings", bearer("nurse-in-charge-icu3"), "application/json",
                settings), 403);
        HttpResponse<String> changed = call("PUT", bed + "/admission/settings", bearer("clinician-icu3-w5"),
                "application/json", settings);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        String observed = "{\"consciousness\":\"A\",\"oxygen\":false}";
        assertProblem(call("POST", bed + "/observations", bearer("pharmacist"), "application/json", observed), 403);
        HttpResponse<String> recorded = call("POST", bed + "/observations", bearer("nurse-icu3"), "application/json",
                observed);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        assertProblem(call("DELETE", bed + "/admission", bearer("nurse-icu3"), null, null), 403);
        assertThat(call("DELETE", bed + "/admission", bearer("nurse-in-charge-icu3"), null, null).statusCode())
                .isEqualTo(200);
        assertProblem(call("DELETE", bed + "/admission", bearer("nurse-in-charge-icu3"), null, null), 404);

        JsonNode audit = json(get("/audit", "admin"));
        List<String> writes = new java.util.ArrayList<>();
        audit.path("entries").forEach(e -> {
            if ("ICU-3#1".equals(e.path("target").asText())) {
                writes.add(e.path("who").asText() + " " + e.path("action").asText());
            }
        });
        assertThat(writes).containsExactlyInAnyOrder("nurse-in-charge-icu3 ADMIT", "clinician-icu3-w5 CHANGE_SETTINGS",
                "nurse-icu3 RECORD_OBSERVATIONS", "nurse-in-charge-icu3 DISCHARGE");
        assertThat(audit.toString()).as("the audit names beds, not patients").doesNotContain("front-0001");
    }

    private static String bearer(String user) {
        return "Bearer " + tokens.get(user);
    }

    @Test
    void theWardsList_isTheCallersWards() throws Exception {
        JsonNode wards = json(get("/wards", "clinician-icu3-w5"));

        assertThat(wards.toString()).contains("ICU-3").contains("W5").doesNotContain("Pharmacy");
    }

    @Test
    void theIcuBoard_hasItsBeds() throws Exception {
        JsonNode board = json(get("/wards/ICU-3/beds", "nurse-icu3"));

        assertThat(board.path("ward").asText()).isEqualTo("ICU-3");
        assertThat(board.path("beds").toString()).contains("front-icu3-bed1-spo2");
    }

    @Test
    void noToken_isRefusedByTheAuthorizer_beforeTheFunction() throws Exception {
        assertUnauthorized(call("GET", "/wards", null, null, null), "no token");
        assertUnauthorized(call("GET", "/wards", "Bearer not-a-token", null, null), "not a signed JWT");
    }

    @Test
    void aTokenSignedByAnotherKey_isUnauthorized() throws Exception {
        String token = tokens.get("nurse-icu3");
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);

        assertUnauthorized(call("GET", "/wards", "Bearer " + signed(part(token, 0), part(token, 1),
                other.generateKeyPair().getPrivate()), null, null), "bad signature");
    }

    @Test
    void algNone_isUnauthorized() throws Exception {
        String token = tokens.get("admin");
        ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        String unsigned = encode(header) + "." + encode(part(token, 1)) + ".";

        assertUnauthorized(call("GET", "/audit", "Bearer " + unsigned, null, null), "'none' not accepted");
    }

    @Test
    void anExpiredToken_signedByThePoolsOwnKey_isUnauthorized() throws Exception {
        String token = tokens.get("nurse-icu3");
        ObjectNode claims = (ObjectNode) part(token, 1);
        long anHourAgo = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
        claims.put("iat", anHourAgo - 3600).put("auth_time", anHourAgo - 3600).put("exp", anHourAgo);
        String expired = signed(part(token, 0), claims, motoPrivateKey());

        assertUnauthorized(call("GET", "/wards", "Bearer " + expired, null, null), "expired");
        // The same forgery, not expired, passes: the refusal above is the expiry, not the signature.
        claims.put("exp", Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(call("GET", "/wards", "Bearer " + signed(part(token, 0), claims, motoPrivateKey()), null, null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAppClient_hasTheWrongAudience() throws Exception {
        String kiosk = stack.cognito().createUserPoolClient(b -> b.userPoolId(pool.userPoolId()).clientName("kiosk")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        String token = signIn(kiosk, stack.createDemoStaff().orElseThrow().named("nurse-icu3"));

        assertUnauthorized(call("GET", "/wards", "Bearer " + token, null, null), "wrong audience");
    }

    @Test
    void anAccessToken_isNotAnIdToken() throws Exception {
        String access = stack.cognito().initiateAuth(b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "nurse-icu3",
                        "PASSWORD", stack.createDemoStaff().orElseThrow().named("nurse-icu3").password())))
                .authenticationResult().accessToken();

        assertThat(call("GET", "/wards", "Bearer " + access, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocument_needsNoToken_andNamesEveryRoute() throws Exception {
        HttpResponse<String> response = call("GET", "/openapi", null, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        String document = response.body();
        assertThat(document).contains("openapi").contains("/wards/{ward}/beds").contains("/audit");
    }

    @Test
    void aPathNoRouteHas_isApiGatewaysNotFound() throws Exception {
        HttpResponse<String> response = get("/nowhere", "nurse-icu3");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response)).isEqualTo(JSON.createObjectNode().put("message", "Not Found"));
        assertThat(call("PATCH", "/wards", "Bearer " + tokens.get("nurse-icu3"), null, null).statusCode())
                .as("a method the route does not have").isEqualTo(404);
    }

    @Test
    void malformedRequests_areProblems_neverA500() throws Exception {
        String nurse = "Bearer " + tokens.get("nurse-icu3");

        assertProblem(get("/alerts?ward=ICU-3&limit=lots", "nurse-icu3"), 400);
        assertProblem(get("/alerts?ward=ICU-3&state=maybe", "nurse-icu3"), 400);
        assertProblem(get("/wards/%20%20/beds", "nurse-icu3"), 400);
        assertProblem(call("POST", "/alerts/7KQ2M9X/ack", nurse, "application/json", "{not json"), 400);
        assertProblem(call("POST", "/alerts/7KQ2M9X/ack", nurse, "text/plain", "seen"), 415);
        assertProblem(call("POST", "/alerts/7KQ2M9X/ack", nurse, "application/json", "{\"note\":\"seen\"}"), 404);
        assertProblem(call("POST", "/alerts/not-an-id/ack", nurse, "application/json", "{\"note\":\"seen\"}"), 400);
    }

    @Test
    void aBodyOverTenMegabytes_isRefusedByTheGateway() throws Exception {
        String big = "{\"note\":\"" + "x".repeat(ApiFront.MAX_BODY_BYTES) + "\"}";
        HttpResponse<String> response = call("POST", "/alerts/7KQ2M9X/ack", "Bearer " + tokens.get("nurse-icu3"),
                "application/json", big);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private static JsonNode part(String token, int index) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static String encode(JsonNode json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(JsonNode header, JsonNode claims, PrivateKey key) throws Exception {
        String signing = encode(header) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signing.getBytes(StandardCharsets.US_ASCII));
        return signing + "." + BASE64URL.encodeToString(rsa.sign());
    }

    /**
     * The key every moto pool signs with (moto ships it: cognitoidp/resources/jwks-private.json.gz in the
     * emulator's virtualenv), so a test can mint a token the pool's JWKS verifies and change only its expiry.
     */
    private static PrivateKey motoPrivateKey() throws Exception {
        Path lib = ProjectRoot.find().resolve("local-stack/.venv/lib");
        Path key;
        try (Stream<Path> found = Files.find(lib, 6, (p, a) -> p.endsWith(
                Path.of("moto", "cognitoidp", "resources", "jwks-private.json.gz")))) {
            key = found.findFirst().orElseThrow(() -> new IllegalStateException("no moto under " + lib));
        }
        JsonNode jwk;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(key))) {
            jwk = JSON.readTree(in);
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
                new BigInteger(1, b64.decode(jwk.get("n").asText())), new BigInteger(1, b64.decode(jwk.get("d").asText()))));
    }
}
