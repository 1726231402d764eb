package org.wardwatch.staffapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The staff API's OpenAPI description: bearer ID tokens of the tenant's Cognito user pool. */
@OpenAPIDefinition(info = @Info(title = "wardwatch staff API", version = "0.1.0",
        description = "Ward-scoped, audited access for signed-in staff (issue 16: alerts, wards and beds, readings, admissions and observations, devices, storage, audit). Errors are "
                + "RFC 9457 problem details (application/problem+json)."))
@SecurityScheme(securitySchemeName = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "the ID token of the tenant's user pool (API Gateway's JWT authorizer)")
public class StaffApi extends Application {
}
