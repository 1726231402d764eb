package org.wardwatch.infra;

import org.wardwatch.model.staff.StaffClaims;
import org.wardwatch.model.staff.StaffRole;
import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.StringAttributeProps;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolGroup;
import software.constructs.Construct;

import java.util.Map;

/**
 * Staff sign-in (issue 16): the tenant's Cognito user pool {@code wardwatch-<tenant>-staff}, one group per
 * {@link StaffRole}, the wards a user serves as the custom attribute {@code wards}, and the dashboard's app client.
 * Staff accounts are the hospital's: no self sign-up, the admin creates each user, sets its wards and groups, and
 * resets a forgotten password (infra/README.md). Nothing uses the pool yet: the staff API comes with the rest of
 * issue 16.
 */
public final class StaffSignIn extends Construct {

    /** ID and access tokens: an hour, then the refresh token (a shift) renews them. */
    static final Duration TOKEN_VALIDITY = Duration.minutes(60);
    static final Duration REFRESH_TOKEN_VALIDITY = Duration.hours(12);

    private final UserPool userPool;
    private final UserPoolClient dashboard;

    public StaffSignIn(Construct scope, String id, TenantNames names) {
        super(scope, id);
        userPool = UserPool.Builder.create(this, "UserPool")
                .userPoolName(names.staffUserPool())
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).build())
                .signInCaseSensitive(false)
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(14)
                        .requireLowercase(true).requireUppercase(true).requireDigits(true).requireSymbols(true)
                        .tempPasswordValidity(Duration.days(3))
                        .build())
                // Optional, by authenticator app only (no SMS: it would need an SNS role and a phone per user): a
                // hospital may require it once its staff have enrolled; required from the start, a new user could
                // not finish the first sign-in without an authenticator.
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).email(false).build())
                // The admin resets passwords; Cognito sends no recovery code to anyone.
                .accountRecovery(AccountRecovery.NONE)
                .customAttributes(Map.of(StaffClaims.WARDS_ATTRIBUTE, new StringAttribute(StringAttributeProps.builder()
                        .mutable(true).minLen(0).maxLen(StaffClaims.WARDS_MAX_LENGTH).build())))
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        for (StaffRole role : StaffRole.values()) {
            UserPoolGroup.Builder.create(this, "Group" + pascal(role.groupName()))
                    .userPool(userPool)
                    .groupName(role.groupName())
                    .description("wardwatch " + role.groupName().replace('_', ' '))
                    .build();
        }

        dashboard = UserPoolClient.Builder.create(this, "Dashboard")
                .userPool(userPool)
                .userPoolClientName(names.dashboardClient())
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userPassword(true).userSrp(true).build())
                .disableOAuth(true)
                .preventUserExistenceErrors(true)
                .enableTokenRevocation(true)
                .idTokenValidity(TOKEN_VALIDITY)
                .accessTokenValidity(TOKEN_VALIDITY)
                .refreshTokenValidity(REFRESH_TOKEN_VALIDITY)
                .readAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder()
                                .fullname(true).email(true).emailVerified(true).build())
                        .withCustomAttributes(StaffClaims.WARDS_ATTRIBUTE))
                // Never the wards: only the admin (admin-update-user-attributes) says where a user serves.
                .writeAttributes(new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().fullname(true).build()))
                .build();
    }

    private static String pascal(String groupName) {
        StringBuilder id = new StringBuilder();
        for (String part : groupName.split("_")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    public UserPool userPool() {
        return userPool;
    }

    public UserPoolClient dashboard() {
        return dashboard;
    }
}
