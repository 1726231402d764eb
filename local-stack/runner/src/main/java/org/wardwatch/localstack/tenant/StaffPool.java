package org.wardwatch.localstack.tenant;

import java.net.URI;
import java.util.List;

/**
 * The tenant's staff user pool as created in the emulator: what a dashboard signs in against and what the API's
 * JWT authorizer checks tokens with.
 *
 * @param userPoolId the emulator's id of the pool ({@code <region>_<random>})
 * @param clientId the dashboard's app client (public: no secret)
 * @param groups the pool's groups (the staff roles), in template order
 */
public record StaffPool(String region, String userPoolId, String clientId, List<String> groups) {

    /** The issuer Cognito (and moto, which signs with the real AWS URL) writes into the pool's tokens. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    /** The pool's signing keys as the emulator at {@code endpoint} serves them. */
    public URI jwksUri(URI endpoint) {
        String base = endpoint.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + userPoolId + "/.well-known/jwks.json");
    }
}
