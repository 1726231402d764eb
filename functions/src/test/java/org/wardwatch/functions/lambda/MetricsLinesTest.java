package org.wardwatch.functions.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.wardwatch.functions.aws.SnsAlertPublisher;
import org.wardwatch.functions.service.AlertPublisher;
import org.wardwatch.functions.service.OutgoingAlert;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import org.wardwatch.functions.service.PresenceResult;
import org.wardwatch.functions.service.TelemetryResult;

/** The metric lines in CloudWatch's embedded metric format: what CloudWatch needs, counts and reasons only. */
class MetricsLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void telemetry_countsByTenant_andRejectionsByReason() throws Exception {
        new TelemetryMetrics(out).record("demo-hospital", new TelemetryResult(TelemetryResult.Outcome.ACCEPTED,
                "m-1", 2, 2, List.of("VALUE_OUT_OF_RANGE", "VALUE_OUT_OF_RANGE"), 1));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode totals = lines.get(0);
        assertThat(totals.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("wardwatch");
        assertThat(totals.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString()).isEqualTo("[\"tenant\"]");
        assertThat(totals.path("tenant").asText()).isEqualTo("demo-hospital");
        assertThat(totals.path("ReadingsStored").asInt()).isEqualTo(2);
        assertThat(totals.path("Notifications").asInt()).isEqualTo(1);
        List<String> declared = new ArrayList<>();
        totals.at("/_aws/CloudWatchMetrics/0/Metrics").forEach(m -> {
            declared.add(m.path("Name").asText());
            assertThat(m.path("Unit").asText()).isEqualTo("Count");
        });
        assertThat(declared).containsExactlyInAnyOrder("Messages", "ReadingsStored", "ReadingsRejected",
                "MessagesRejected", "Duplicates", "Notifications", "ReadingsLate");
        JsonNode byReason = lines.get(1);
        assertThat(byReason.path("reason").asText()).isEqualTo("VALUE_OUT_OF_RANGE");
        assertThat(byReason.path("Rejections").asInt()).isEqualTo(2);
        assertThat(byReason.toString()).doesNotContain("m-1");
    }

    @Test
    void presence_countsItsOutcome_andAQuarantineReason() throws Exception {
        new PresenceMetrics(out).record("demo-hospital", PresenceResult.quarantined("UNKNOWN_DEVICE"));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("PresenceQuarantined").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("PresenceRecorded").asInt()).isZero();
        assertThat(lines.get(1).path("reason").asText()).isEqualTo("UNKNOWN_DEVICE");
        assertThat(lines.get(1).at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString())
                .isEqualTo("[\"reason\",\"tenant\"]");
    }

    @Test
    void line_declaresEveryValueItCarries() throws Exception {
        EmbeddedMetrics.emit(out, Map.of("tenant", "t"), Map.of("A", 3));

        JsonNode line = lines().get(0);
        assertThat(line.path("A").asInt()).isEqualTo(3);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText()).isEqualTo("A");
        assertThat(line.at("/_aws/Timestamp").asLong()).isPositive();
    }

    @Test
    void failedPublish_isCountedOnce_byTenantAndFunction_andStillFails_aSentOneIsNot() throws Exception {
        OutgoingAlert alert = new OutgoingAlert("pm-oximeter", "O#2026-11-25T09:00:00Z", "[wardwatch] CRITICAL",
                "{\"default\":\"{\\\"ward\\\":\\\"ICU-3\\\"}\"}", Map.of("severity", "CRITICAL"));
        try (SnsClient unreachable = SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:1")) // nothing listens on port 1
                .region(Region.EU_WEST_2)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            AlertPublisher counted = new PublishFailureMetrics(
                    new SnsAlertPublisher(unreachable, "arn:aws:sns:eu-west-2:000000000000:wardwatch-t-alerts"),
                    "demo-hospital", "escalation", out);

            assertThatThrownBy(() -> counted.publish(alert)).isInstanceOf(SdkClientException.class);
        }
        new PublishFailureMetrics(a -> "message-1", "demo-hospital", "escalation", out).publish(alert);

        List<JsonNode> lines = lines();
        assertThat(lines).as("the failure only").hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("AlertPublishFailed").asInt()).isEqualTo(1);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("wardwatch");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString())
                .isEqualTo("[\"function\",\"tenant\"]");
        assertThat(line.path("function").asText()).isEqualTo("escalation");
        assertThat(line.path("tenant").asText()).isEqualTo("demo-hospital");
        assertThat(line.toString()).doesNotContain("ICU-3").doesNotContain("pm-oximeter");
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
