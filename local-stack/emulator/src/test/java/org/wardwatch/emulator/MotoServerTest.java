package org.wardwatch.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {

    @Test
    void sharedServer_answersAwsRequestsOnLoopback() throws Exception {
        MotoServer server = MotoServer.shared();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20261125/eu-west-2/dynamodb/aws4_request, SignedHeaders=host, Signature=00")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("TableNames");
        assertThat(MotoServer.shared()).isSameAs(server);
    }

    @Test
    void missingPython_failsWithOneLineThatSaysWhatToInstall(@TempDir Path project) throws Exception {
        Path localStack = Files.createDirectories(project.resolve("local-stack"));
        Files.writeString(localStack.resolve("requirements.txt"), "moto[server]==5.2.5\n");
        MotoInstallation installation = new MotoInstallation(localStack, project.resolve("no-such-python3").toString());

        assertThatThrownBy(installation::ensureInstalled)
                .isInstanceOf(EmulatorException.class)
                .hasMessage(MotoInstallation.MISSING_PYTHON);
    }

    @Test
    void checkoutWithoutRequirements_isRefusedClearly(@TempDir Path project) {
        MotoInstallation installation = new MotoInstallation(project.resolve("local-stack"), "python3");

        assertThatThrownBy(installation::ensureInstalled)
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("requirements.txt");
    }
}
