package org.wardwatch.staffapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The caller of the current request, from the payload 2.0 event the amazon-lambda-http extension exposes per request.
 * No claims (no authorizer in front, or a route without it) or no username: 401.
 */
@RequestScoped
class Callers {

    @Inject
    Instance<APIGatewayV2HTTPEvent> event;

    /** The caller; 401 when the request names nobody. */
    Caller current() {
        return claims(event.get()).flatMap(Caller::fromClaims)
                .orElseThrow(() -> new ProblemException(401, "sign in: no identity reached the API"));
    }

    /** The request's id as API Gateway gave it, for the audit record. */
    String requestId() {
        APIGatewayV2HTTPEvent e = event.get();
        return e == null || e.getRequestContext() == null ? null : e.getRequestContext().getRequestId();
    }

    static Optional<Map<String, String>> claims(APIGatewayV2HTTPEvent e) {
        if (e == null || e.getRequestContext() == null || e.getRequestContext().getAuthorizer() == null
                || e.getRequestContext().getAuthorizer().getJwt() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(e.getRequestContext().getAuthorizer().getJwt().getClaims());
    }
}
