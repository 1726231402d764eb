package org.wardwatch.localstack.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a bearer token as the tenant API's JWT authorizer does before the staff function sees a request: an RS256
 * signature by one of the user pool's keys (looked up by {@code kid} in its JWKS; any other {@code alg}, {@code none}
 * included, is refused), the pool's issuer, the dashboard client as audience, {@code exp}, {@code nbf} and
 * {@code iat} against the clock with a small skew, and {@code token_use} {@code id} (an ID token: it carries the
 * groups and wards). The checks run in that order and the first that fails is the one-line reason.
 */
public final class JwtAuthorizer {

    /** Clock difference tolerated between the emulator (or Cognito) and this machine. */
    public static final Duration SKEW = Duration.ofSeconds(30);

    private static final Duration REFETCH_AFTER = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** What the authorizer decided. */
    public sealed interface Decision permits Allowed, Refused {
    }

    /** A valid ID token's claims. */
    public record Allowed(JsonNode claims) implements Decision {

        public String username() {
            return claims.path("cognito:username").asText(null);
        }

        public List<String> groups() {
            List<String> groups = new ArrayList<>();
            claims.path("cognito:groups").forEach(g -> groups.add(g.asText()));
            return groups;
        }

        /** The wards of {@code custom:wards} (comma-separated). */
        public List<String> wards() {
            List<String> wards = new ArrayList<>();
            for (String ward : claims.path("custom:wards").asText("").split(",")) {
                if (!ward.isBlank()) {
                    wards.add(ward.trim());
                }
            }
            return wards;
        }
    }

    /** A refusal (401), with why in one line. */
    public record Refused(String reason) implements Decision {
    }

    private final URI jwks;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, PublicKey> keys = Map.of();
    private Instant fetched;

    public JwtAuthorizer(URI jwks, String issuer, String audience, Clock clock) {
        this.jwks = jwks;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** Decides on an {@code Authorization} header's value ({@code Bearer <token>}, or the bare token), or null. */
    public Decision authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return new Refused("no token");
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return new Refused("not a signed JWT (expected three dot-separated parts)");
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            header = JSON.readTree(BASE64URL.decode(parts[0]));
            claims = JSON.readTree(BASE64URL.decode(parts[1]));
            signature = BASE64URL.decode(parts[2]);
        } catch (IllegalArgumentException | IOException e) {
            return new Refused("malformed token: its parts are not base64url JSON");
        }
        if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
            return new Refused("malformed token: header and claims must be JSON objects");
        }
        String alg = header.path("alg").asText("");
        if (!alg.equals("RS256")) {
            return new Refused("signing algorithm '" + alg + "' not accepted (RS256 only)");
        }
        String kid = header.path("kid").asText(null);
        PublicKey key = kid == null ? null : key(kid);
        if (key == null) {
            return new Refused("unknown signing key " + (kid == null ? "(no kid)" : "'" + kid + "'"));
        }
        if (!verifies(key, parts[0] + "." + parts[1], signature)) {
            return new Refused("bad signature");
        }
        if (!issuer.equals(claims.path("iss").asText(null))) {
            return new Refused("wrong issuer");
        }
        if (!"id".equals(claims.path("token_use").asText(null))) {
            return new Refused("token_use '" + claims.path("token_use").asText("") + "' is not an ID token");
        }
        if (!audience.equals(claims.path("aud").asText(null))) {
            return new Refused("wrong audience");
        }
        Instant now = clock.instant();
        if (!claims.path("exp").canConvertToLong()) {
            return new Refused("no expiry (exp)");
        }
        if (!now.isBefore(Instant.ofEpochSecond(claims.get("exp").asLong()).plus(SKEW))) {
            return new Refused("expired");
        }
        if (claims.has("nbf") && now.plus(SKEW).isBefore(Instant.ofEpochSecond(claims.get("nbf").asLong()))) {
            return new Refused("not valid yet (nbf)");
        }
        if (claims.has("iat") && now.plus(SKEW).isBefore(Instant.ofEpochSecond(claims.get("iat").asLong()))) {
            return new Refused("issued in the future (iat)");
        }
        return new Allowed(claims);
    }

    private static boolean verifies(PublicKey key, String signed, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The pool's key with this id. The JWKS is fetched on first use, and again for an id it did not have (a rotated
     * key), at most once a minute so that made-up ids cannot make every request fetch it.
     */
    private synchronized PublicKey key(String kid) {
        PublicKey key = keys.get(kid);
        Instant now = clock.instant();
        if (key == null && (fetched == null || !now.isBefore(fetched.plus(REFETCH_AFTER)))) {
            keys = fetchKeys();
            fetched = now;
            key = keys.get(kid);
        }
        return key;
    }

    private Map<String, PublicKey> fetchKeys() {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the user pool's JWKS " + jwks + " answered " + response.statusCode());
            }
            Map<String, PublicKey> found = new HashMap<>();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (JsonNode jwk : JSON.readTree(response.body()).path("keys")) {
                if ("RSA".equals(jwk.path("kty").asText()) && jwk.hasNonNull("kid")
                        && jwk.path("use").asText("sig").equals("sig") && jwk.path("alg").asText("RS256").equals("RS256")) {
                    found.put(jwk.get("kid").asText(), rsa.generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, BASE64URL.decode(jwk.path("n").asText())),
                            new BigInteger(1, BASE64URL.decode(jwk.path("e").asText())))));
                }
            }
            return Map.copyOf(found);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the user pool's JWKS " + jwks + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the user pool's JWKS " + jwks, e);
        }
    }
}
