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

    /** The server binds port 0 and reports the port it got: a second server gets its own, and each answers there. */
    @Test
    void privateServer_listensOnThePortItReports_besideTheSharedOne() throws Exception {
        MotoServer shared = MotoServer.shared();
        try (MotoServer own = MotoServer.start(MotoInstallation.forProject(ProjectRoot.find()))) {
            int port = own.port();

            assertThat(port).isPositive().isNotEqualTo(shared.port());
            assertThat(dynamo(own, "ListTables", "{}").statusCode()).isEqualTo(200);
            assertThat(Files.readString(own.logFile())).contains("Running on http://127.0.0.1:" + port);
        }
    }

    /**
     * local-stack/moto_server.py backs a transaction up item by item instead of copying whole tables: a cancelled
     * transaction must still leave nothing behind, neither the item it created nor the change it made.
     */
    @Test
    void cancelledTransaction_leavesEveryItemAsItWas_andAnAcceptedOneWritesAll() throws Exception {
        MotoServer server = MotoServer.shared();
        String table = "transactions-" + System.nanoTime();
        dynamo(server, "CreateTable", """
                {"TableName":"%s","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}""".formatted(table));
        dynamo(server, "PutItem", """
                {"TableName":"%s","Item":{"pk":{"S":"a"},"v":{"N":"1"}}}""".formatted(table));
        String transaction = """
                {"TransactItems":[
                  {"Put":{"TableName":"%1$s","Item":{"pk":{"S":"b"},"v":{"N":"1"}}}},
                  {"Update":{"TableName":"%1$s","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET v = :two",
                             "ExpressionAttributeValues":{":two":{"N":"2"}}}},
                  {"ConditionCheck":{"TableName":"%1$s","Key":{"pk":{"S":"c"}},
                                     "ConditionExpression":"attribute_exists(%2$s)"}}]}""";

        HttpResponse<String> cancelled = dynamo(server, "TransactWriteItems", transaction.formatted(table, "pk"));

        assertThat(cancelled.statusCode()).isEqualTo(400);
        assertThat(cancelled.body()).contains("TransactionCanceledException");
        assertThat(dynamo(server, "GetItem", key(table, "b")).body().replace(" ", "")).doesNotContain("Item");
        assertThat(dynamo(server, "GetItem", key(table, "a")).body().replace(" ", "")).contains("\"v\":{\"N\":\"1\"}");

        HttpResponse<String> accepted = dynamo(server, "TransactWriteItems",
                transaction.formatted(table, "pk").replace("attribute_exists(pk)", "attribute_not_exists(pk)"));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(dynamo(server, "GetItem", key(table, "b")).body().replace(" ", "")).contains("\"pk\":{\"S\":\"b\"}");
        assertThat(dynamo(server, "GetItem", key(table, "a")).body().replace(" ", "")).contains("\"v\":{\"N\":\"2\"}");
    }

    private static String key(String table, String pk) {
        return """
                {"TableName":"%s","Key":{"pk":{"S":"%s"}},"ConsistentRead":true}""".formatted(table, pk);
    }

    private static HttpResponse<String> dynamo(MotoServer server, String operation, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20261125/eu-west-2/dynamodb/aws4_request, SignedHeaders=host, Signature=00")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
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
