package org.wardwatch.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.wardwatch.devicecerts.IotRegistrar;
import org.wardwatch.emulator.MotoInstallation;
import org.wardwatch.emulator.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The AWS emulator (moto server) and the SDK clients the local stack talks to it with. */
final class AwsEmulator {

    private static final StaticCredentialsProvider TESTING =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final MotoServer moto;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final IotClient iot;
    /** For device-certs' registration, which updates a moved device's thing with PATCH: device-certs' IoT client. */
    private final IotClient iotRegistration;
    private final SnsClient sns;
    private final CognitoIdentityProviderClient cognito;

    private AwsEmulator(MotoServer moto, String region) {
        this.moto = moto;
        this.dynamo = client(DynamoDbClient.builder(), region);
        this.sqs = client(SqsClient.builder(), region);
        this.iot = client(IotClient.builder(), region);
        this.iotRegistration = IotRegistrar.iotClientBuilder().endpointOverride(moto.endpoint())
                .region(Region.of(region)).credentialsProvider(TESTING).build();
        this.sns = client(SnsClient.builder(), region);
        this.cognito = client(CognitoIdentityProviderClient.builder(), region);
    }

    /** Starts moto server for the project at {@code root}; the server and each client are handed to {@code closeLater}. */
    static AwsEmulator start(Path root, String region, Consumer<AutoCloseable> closeLater) {
        MotoServer moto = MotoServer.start(MotoInstallation.forProject(root));
        closeLater.accept(moto);
        AwsEmulator emulator = new AwsEmulator(moto, region);
        closeLater.accept(emulator.dynamo);
        closeLater.accept(emulator.sqs);
        closeLater.accept(emulator.iot);
        closeLater.accept(emulator.iotRegistration);
        closeLater.accept(emulator.sns);
        closeLater.accept(emulator.cognito);
        return emulator;
    }

    URI endpoint() {
        return moto.endpoint();
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    SqsClient sqs() {
        return sqs;
    }

    IotClient iot() {
        return iot;
    }

    /** The IoT client device-certs' registration uses: one that can send PATCH. */
    IotClient iotRegistration() {
        return iotRegistration;
    }

    SnsClient sns() {
        return sns;
    }

    CognitoIdentityProviderClient cognito() {
        return cognito;
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, String region) {
        return builder.endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(TESTING).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
