package org.wardwatch.localstack.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NumberAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;

/**
 * The template's staff sign-in in the emulator's Cognito: the user pool (its name, schema with the custom
 * attributes such as {@code wards}, admin-only sign-up, password policy, username attributes), its groups and its
 * app clients (explicit auth flows, with or without a secret), each {@code Ref} resolving to the emulator's id.
 * Hosted UI, OAuth settings, e-mail and SMS configuration, triggers and token validities are not emulated.
 */
final class UserPools {

    /** The app client the dashboard signs in with (TenantNames' app client name). */
    static final String DASHBOARD_CLIENT = "dashboard";

    private final CognitoIdentityProviderClient cognito;

    UserPools(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    /** The pool, its groups and clients; empty when the template has no user pool. */
    Optional<StaffPool> create(TemplateResources t, String region) {
        Map<String, JsonNode> pools = t.ofType("AWS::Cognito::UserPool");
        if (pools.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> pool = t.single("AWS::Cognito::UserPool");
        var created = cognito.createUserPool(request(t, pool.getValue())).userPool();
        String poolId = created.id();
        t.define(pool.getKey(), poolId, Map.of("Arn", created.arn(), "UserPoolId", poolId,
                "ProviderName", "cognito-idp." + region + ".amazonaws.com/" + poolId,
                "ProviderURL", "https://cognito-idp." + region + ".amazonaws.com/" + poolId));

        List<String> groups = new ArrayList<>();
        t.ofType("AWS::Cognito::UserPoolGroup").forEach((id, g) -> {
            String name = t.string(g.get("GroupName"));
            cognito.createGroup(b -> b.userPoolId(t.string(g.get("UserPoolId"))).groupName(name)
                    .description(t.string(g.get("Description")))
                    .precedence(g.hasNonNull("Precedence") ? Integer.valueOf(t.string(g.get("Precedence"))) : null));
            t.define(id, name, Map.of());
            groups.add(name);
        });

        String dashboard = null;
        for (Map.Entry<String, JsonNode> c : t.ofType("AWS::Cognito::UserPoolClient").entrySet()) {
            JsonNode p = c.getValue();
            String name = t.string(p.get("ClientName"));
            List<String> flows = new ArrayList<>();
            p.path("ExplicitAuthFlows").forEach(f -> flows.add(t.string(f)));
            var client = cognito.createUserPoolClient(b -> b.userPoolId(t.string(p.get("UserPoolId")))
                    .clientName(name).generateSecret(p.path("GenerateSecret").asBoolean(false))
                    .explicitAuthFlowsWithStrings(flows)).userPoolClient();
            t.define(c.getKey(), client.clientId(), Map.of("Name", name));
            if (DASHBOARD_CLIENT.equals(name)) {
                dashboard = client.clientId();
            }
        }
        if (dashboard == null) {
            throw new IllegalArgumentException("the tenant template's user pool has no app client named "
                    + DASHBOARD_CLIENT);
        }
        return Optional.of(new StaffPool(region, poolId, dashboard, List.copyOf(groups)));
    }

    private static CreateUserPoolRequest request(TemplateResources t, JsonNode p) {
        List<SchemaAttributeType> schema = new ArrayList<>();
        p.path("Schema").forEach(a -> schema.add(attribute(t, a)));
        CreateUserPoolRequest.Builder b = CreateUserPoolRequest.builder().poolName(t.string(p.get("UserPoolName")));
        if (!schema.isEmpty()) {
            b.schema(schema);
        }
        JsonNode admin = p.path("AdminCreateUserConfig");
        if (admin.has("AllowAdminCreateUserOnly")) {
            b.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(admin.get("AllowAdminCreateUserOnly").asBoolean()));
        }
        JsonNode password = p.path("Policies").path("PasswordPolicy");
        if (password.isObject()) {
            b.policies(x -> x.passwordPolicy(passwordPolicy(password)));
        }
        List<String> usernameAttributes = strings(t, p.path("UsernameAttributes"));
        if (!usernameAttributes.isEmpty()) {
            b.usernameAttributesWithStrings(usernameAttributes);
        }
        List<String> aliasAttributes = strings(t, p.path("AliasAttributes"));
        if (!aliasAttributes.isEmpty()) {
            b.aliasAttributesWithStrings(aliasAttributes);
        }
        return b.build();
    }

    private static PasswordPolicyType passwordPolicy(JsonNode p) {
        PasswordPolicyType.Builder b = PasswordPolicyType.builder();
        if (p.has("MinimumLength")) {
            b.minimumLength(p.get("MinimumLength").asInt());
        }
        if (p.has("TemporaryPasswordValidityDays")) {
            b.temporaryPasswordValidityDays(p.get("TemporaryPasswordValidityDays").asInt());
        }
        return b.requireLowercase(p.path("RequireLowercase").asBoolean(false))
                .requireUppercase(p.path("RequireUppercase").asBoolean(false))
                .requireNumbers(p.path("RequireNumbers").asBoolean(false))
                .requireSymbols(p.path("RequireSymbols").asBoolean(false)).build();
    }

    /** One schema attribute; CDK writes the constraints' bounds as strings. */
    private static SchemaAttributeType attribute(TemplateResources t, JsonNode a) {
        SchemaAttributeType.Builder b = SchemaAttributeType.builder().name(t.string(a.get("Name")))
                .attributeDataType(t.string(a.get("AttributeDataType")));
        if (a.has("Mutable")) {
            b.mutable(a.get("Mutable").asBoolean());
        }
        if (a.has("Required")) {
            b.required(a.get("Required").asBoolean());
        }
        if (a.has("DeveloperOnlyAttribute")) {
            b.developerOnlyAttribute(a.get("DeveloperOnlyAttribute").asBoolean());
        }
        JsonNode text = a.get("StringAttributeConstraints");
        if (text != null) {
            b.stringAttributeConstraints(StringAttributeConstraintsType.builder()
                    .minLength(t.string(text.get("MinLength"))).maxLength(t.string(text.get("MaxLength"))).build());
        }
        JsonNode number = a.get("NumberAttributeConstraints");
        if (number != null) {
            b.numberAttributeConstraints(NumberAttributeConstraintsType.builder()
                    .minValue(t.string(number.get("MinValue"))).maxValue(t.string(number.get("MaxValue"))).build());
        }
        return b.build();
    }

    private static List<String> strings(TemplateResources t, JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(t.string(v)));
        return values;
    }
}
