package org.wardwatch.localstack.tenant;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.wardwatch.emulator.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A staff user pool in the shared emulator, created from {@code tenant/staff-pool.template.json} (the staff
 * sign-in resources shaped as CDK synthesizes them) as the provisioner creates a tenant's: for the tests of what
 * uses a pool.
 */
public final class FixtureStaffPool {

    public static final String REGION = "eu-west-2";
    public static final String ACCOUNT = "123456789012";

    private FixtureStaffPool() {
    }

    public static CognitoIdentityProviderClient cognito() {
        return CognitoIdentityProviderClient.builder().endpointOverride(MotoServer.shared().endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static Path template() {
        try {
            return Path.of(FixtureStaffPool.class.getResource("/tenant/staff-pool.template.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new pool (the emulator gives each a new id), with its groups and the dashboard client. */
    public static StaffPool create(CognitoIdentityProviderClient cognito) {
        return new UserPools(cognito).create(new TemplateResources(template(), REGION, ACCOUNT), REGION).orElseThrow();
    }
}
