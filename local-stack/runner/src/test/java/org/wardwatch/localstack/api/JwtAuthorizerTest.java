package org.wardwatch.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.localstack.api.JwtAuthorizer.Allowed;
import org.wardwatch.localstack.api.JwtAuthorizer.Decision;
import org.wardwatch.localstack.api.JwtAuthorizer.Refused;
import org.wardwatch.localstack.staff.StaffUsers;
import org.wardwatch.localstack.staff.StaffUsers.StaffUser;
import org.wardwatch.localstack.tenant.FixtureStaffPool;
import org.wardwatch.localstack.tenant.StaffPool;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * The JWT authorizer's checks with real tokens from the emulator's Cognito (a pool from the CDK-shaped fixture, its
 * demo staff signed in with USER_PASSWORD_AUTH), and with tokens forged from them.
 */
class JwtAuthorizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static CognitoIdentityProviderClient cognito;
    private static StaffPool pool;
    private static StaffUsers staff;
    private static AuthenticationResultType nurse;
    private static JwtAuthorizer authorizer;

    @BeforeAll
    static void signIn() {
        cognito = FixtureStaffPool.cognito();
        pool = FixtureStaffPool.create(cognito);
        staff = StaffUsers.createDemo(cognito, pool, new SecureRandom());
        nurse = signIn(pool.clientId(), staff.named("nurse-icu3"));
        authorizer = authorizer(Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static JwtAuthorizer authorizer(Clock clock) {
        return new JwtAuthorizer(pool.jwksUri(MotoServer.shared().endpoint()), pool.issuer(), pool.clientId(), clock);
    }

    private static AuthenticationResultType signIn(String clientId, StaffUser user) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.username(), "PASSWORD", user.password())))
                .authenticationResult();
    }

    private static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }

    private static String encode(JsonNode json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A token with this header and these claims, signed RS256 by {@code keys}' private key. */
    private static String signed(JsonNode header, JsonNode claims, KeyPair keys) throws Exception {
        String signing = encode(header) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signing.getBytes(StandardCharsets.US_ASCII));
        return signing + "." + BASE64URL.encodeToString(rsa.sign());
    }

    private static KeyPair anotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String reason(Decision decision) {
        assertThat(decision).isInstanceOf(Refused.class);
        return ((Refused) decision).reason();
    }

    @Test
    void aNursesIdToken_isAllowed_withTheirUsernameGroupsAndWards() {
        Decision decision = authorizer.authorize("Bearer " + nurse.idToken());

        assertThat(decision).isInstanceOf(Allowed.class);
        Allowed allowed = (Allowed) decision;
        assertThat(allowed.username()).isEqualTo("nurse-icu3");
        assertThat(allowed.groups()).containsExactly("nurse");
        assertThat(allowed.wards()).containsExactly("ICU-3");
        assertThat(authorizer.authorize(nurse.idToken())).as("the bare token, without Bearer").isInstanceOf(Allowed.class);
    }

    @Test
    void aClinicianOfTwoWards_isAllowed_withBothWards() {
        Allowed clinician = (Allowed) authorizer.authorize(
                "Bearer " + signIn(pool.clientId(), staff.named("clinician-icu3-w5")).idToken());

        assertThat(clinician.groups()).containsExactly("clinician");
        assertThat(clinician.wards()).containsExactly("ICU-3", "W5");
    }

    @Test
    void noToken_isRefused() {
        assertThat(reason(authorizer.authorize(null))).isEqualTo("no token");
        assertThat(reason(authorizer.authorize("  "))).isEqualTo("no token");
        assertThat(reason(authorizer.authorize("Bearer not-a-token"))).startsWith("not a signed JWT");
        assertThat(reason(authorizer.authorize("Bearer a.b.c"))).startsWith("malformed token");
    }

    @Test
    void aTokenSignedByAnotherKeyWithThePoolsKid_isRefused() throws Exception {
        String forged = signed(part(nurse.idToken(), 0), part(nurse.idToken(), 1), anotherKey());

        assertThat(reason(authorizer.authorize("Bearer " + forged))).isEqualTo("bad signature");
    }

    @Test
    void aTokenWithAnUnknownKid_isRefused() throws Exception {
        ObjectNode header = ((ObjectNode) part(nurse.idToken(), 0)).put("kid", "someone-elses-key");
        String forged = signed(header, part(nurse.idToken(), 1), anotherKey());

        assertThat(reason(authorizer.authorize("Bearer " + forged))).isEqualTo("unknown signing key 'someone-elses-key'");
    }

    @Test
    void algNone_andHs256WithThePublicKeyAsSecret_areRefused() throws Exception {
        JsonNode claims = part(nurse.idToken(), 1);
        ObjectNode none = ((ObjectNode) part(nurse.idToken(), 0)).put("alg", "none");
        String unsigned = encode(none) + "." + encode(claims) + ".";

        ObjectNode hs256 = ((ObjectNode) part(nurse.idToken(), 0)).put("alg", "HS256");
        String signing = encode(hs256) + "." + encode(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(JSON.readTree(pool.jwksUri(MotoServer.shared().endpoint()).toURL())
                .toString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hmac = signing + "." + BASE64URL.encodeToString(mac.doFinal(signing.getBytes(StandardCharsets.US_ASCII)));

        assertThat(reason(authorizer.authorize("Bearer " + unsigned)))
                .isEqualTo("signing algorithm 'none' not accepted (RS256 only)");
        assertThat(reason(authorizer.authorize("Bearer " + hmac)))
                .isEqualTo("signing algorithm 'HS256' not accepted (RS256 only)");
    }

    @Test
    void aRealTokenPastItsExpiry_isRefused() throws Exception {
        Instant exp = Instant.ofEpochSecond(part(nurse.idToken(), 1).get("exp").asLong());
        JwtAuthorizer later = authorizer(Clock.fixed(exp.plus(JwtAuthorizer.SKEW).plusSeconds(1), ZoneOffset.UTC));
        JwtAuthorizer justBefore = authorizer(Clock.fixed(exp.minusSeconds(1), ZoneOffset.UTC));

        assertThat(reason(later.authorize("Bearer " + nurse.idToken()))).isEqualTo("expired");
        assertThat(justBefore.authorize("Bearer " + nurse.idToken())).isInstanceOf(Allowed.class);
    }

    @Test
    void anExpiredTokenSignedByAnotherKey_isRefusedForItsSignature_beforeAnyClaimIsRead() throws Exception {
        ObjectNode claims = ((ObjectNode) part(nurse.idToken(), 1))
                .put("exp", Instant.now().minus(Duration.ofHours(1)).getEpochSecond());

        assertThat(reason(authorizer.authorize("Bearer " + signed(part(nurse.idToken(), 0), claims, anotherKey()))))
                .isEqualTo("bad signature");
    }

    @Test
    void aTokenIssuedInTheFuture_isRefused() throws Exception {
        Instant iat = Instant.ofEpochSecond(part(nurse.idToken(), 1).get("iat").asLong());
        JwtAuthorizer earlier = authorizer(Clock.fixed(iat.minus(Duration.ofMinutes(5)), ZoneOffset.UTC));

        assertThat(reason(earlier.authorize("Bearer " + nurse.idToken()))).isEqualTo("issued in the future (iat)");
    }

    @Test
    void anIdTokenOfAnotherAppClient_isRefusedForItsAudience() {
        String kiosk = cognito.createUserPoolClient(b -> b.userPoolId(pool.userPoolId()).clientName("kiosk")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient().clientId();

        String token = signIn(kiosk, staff.named("nurse-icu3")).idToken();

        assertThat(reason(authorizer.authorize("Bearer " + token))).isEqualTo("wrong audience");
    }

    @Test
    void anIdTokenOfAnotherUserPool_isRefusedForItsIssuer_thoughTheEmulatorSignsEveryPoolWithTheSameKey() {
        StaffPool other = FixtureStaffPool.create(cognito);
        StaffUsers otherStaff = StaffUsers.createDemo(cognito, other, new SecureRandom());

        String token = signIn(other.clientId(), otherStaff.named("nurse-icu3")).idToken();

        assertThat(reason(authorizer.authorize("Bearer " + token))).isEqualTo("wrong issuer");
    }

    @Test
    void anAccessToken_isRefusedForItsTokenUse() {
        assertThat(reason(authorizer.authorize("Bearer " + nurse.accessToken())))
                .isEqualTo("token_use 'access' is not an ID token");
    }
}
