package org.wardwatch.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wardwatch.devicecerts.DeviceSpec;
import org.wardwatch.localstack.LocalStack;
import org.wardwatch.localstack.staff.StaffUsers;
import org.wardwatch.localstack.ward.DeviceConnection;
import org.wardwatch.model.device.DeviceKind;
import org.wardwatch.model.device.TenantId;
import org.wardwatch.model.device.ThingName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Latency of {@code GET /wards/{ward}/beds} for a full ward, warm, through the local stack as a dashboard calls
 * it: the local front (token check, payload 2.0 event), the staff function under the Lambda runtime client, and
 * its DynamoDB reads against moto. The ward has {@code beds} beds, each with an admitted patient, a pulse oximeter
 * and a BP monitor that have each sent a reading through the broker and the telemetry function. The nurse of the
 * ward signs in once; requests are made one after another (a dashboard polls; the function has one warm instance),
 * after a warm-up, interleaved round by round with two cheaper requests that show where the time goes. Prints the
 * percentiles in milliseconds and the answer's size. Not a test: the machine is shared.
 */
public final class WardBoardLatency {

    private static final String WARD = "ICU-3";

    private WardBoardLatency() {
    }

    public static void main(String[] args) throws Exception {
        int beds = 30;
        int warmUp = 50;
        int samples = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--beds" -> beds = positive(args, ++i);
                case "--warm-up" -> warmUp = positive(args, ++i);
                case "--samples" -> samples = positive(args, ++i);
                default -> {
                    System.err.println("unknown argument " + args[i] + " (--beds N, --warm-up N, --samples N)");
                    System.exit(2);
                }
            }
        }
        Path root = Path.of(System.getProperty("wardwatchRoot", ".")).toAbsolutePath().normalize();
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, root.resolve("local-stack/tenant.json"),
                root.resolve("local-stack/.run/bench-api"), 2, List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                System.err))) {
            fillTheWard(stack, beds);
            URI board = stack.serveApi().orElseThrow().resolve("/wards/" + WARD + "/beds");
            StaffUsers.StaffUser nurse = stack.createDemoStaff().orElseThrow().named("nurse-icu3");
            String token = stack.cognito().initiateAuth(b -> b
                    .clientId(stack.tenant().staffPool().orElseThrow().clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", nurse.username(), "PASSWORD", nurse.password())))
                    .authenticationResult().idToken();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(board).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).GET().build();

            String body = waitForTheWholeWard(http, request, beds);
            // For where the time goes, interleaved with it: the OpenAPI document (the front, the runtime client
            // and the function, no AWS call and no token) and the wards list (the devices scan and the open
            // alerts' query the board makes too).
            URI api = board.resolve("/");
            List<HttpRequest> requests = List.of(request,
                    HttpRequest.newBuilder(api.resolve("/wards")).header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpRequest.newBuilder(api.resolve("/openapi")).timeout(Duration.ofSeconds(30)).GET().build());
            List<String> names = List.of("GET /wards/" + WARD + "/beds", "GET /wards", "GET /openapi");
            System.err.println("[bench] warm-up: " + warmUp + " rounds");
            for (int i = 0; i < warmUp; i++) {
                for (HttpRequest r : requests) {
                    send(http, r);
                }
            }
            System.err.println("[bench] measuring " + samples + " rounds, each request one after another");
            double[][] ms = new double[requests.size()][samples];
            for (int i = 0; i < samples; i++) {
                for (int k = 0; k < requests.size(); k++) {
                    long start = System.nanoTime();
                    send(http, requests.get(k));
                    ms[k][i] = (System.nanoTime() - start) / 1e6;
                }
            }
            double[] batch = motoBatchGets(stack, beds, samples);
            System.out.printf(Locale.ROOT, "%d beds (%d devices, %d patients) in %s, the board's answer %d bytes, "
                            + "%d samples each after %d warm-up rounds%n", beds, 2 * beds, beds, WARD,
                    body.getBytes(StandardCharsets.UTF_8).length, samples, warmUp);
            for (int k = 0; k < requests.size(); k++) {
                System.out.printf(Locale.ROOT, "  %-22s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  min %6.1f ms  max %6.1f ms%n",
                        names.get(k), Stats.median(ms[k]), Stats.percentile(ms[k], 90), Stats.percentile(ms[k], 99),
                        Stats.min(ms[k]), Stats.max(ms[k]));
            }
            System.out.printf(Locale.ROOT, "  %-22s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  min %6.1f ms  max %6.1f ms%n",
                    "moto BatchGetItem x100", Stats.median(batch), Stats.percentile(batch, 90),
                    Stats.percentile(batch, 99), Stats.min(batch), Stats.max(batch));
        }
    }

    /** Each bed: a pulse oximeter and a BP monitor that have sent a reading, and an admitted patient. */
    private static void fillTheWard(LocalStack stack, int beds) throws Exception {
        System.err.println("[bench] declaring " + 2 * beds + " devices and admitting " + beds + " patients in " + WARD);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<DeviceConnection> connections = new ArrayList<>();
        try {
            for (int bed = 1; bed <= beds; bed++) {
                for (DeviceKind kind : List.of(DeviceKind.PULSE_OXIMETER, DeviceKind.BP_MONITOR)) {
                    String thing = String.format(Locale.ROOT, "bench-bed%02d-%s", bed,
                            kind == DeviceKind.PULSE_OXIMETER ? "spo2" : "bp");
                    LocalStack.Credentials device = stack.declare(new DeviceSpec(
                            TenantId.of(stack.tenant().tenantId()), ThingName.of(thing), kind, WARD,
                            Integer.toString(bed), null));
                    DeviceConnection connection = stack.connect(device);
                    connections.add(connection);
                    String readings = kind == DeviceKind.PULSE_OXIMETER
                            ? "{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"},"
                            + "{\"metric\":\"heart_rate\",\"value\":72,\"unit\":\"/min\"}"
                            : "{\"metric\":\"systolic_bp\",\"value\":124,\"unit\":\"mm[Hg]\"},"
                            + "{\"metric\":\"diastolic_bp\",\"value\":78,\"unit\":\"mm[Hg]\"}";
                    connection.publish(stack.tenant().telemetryTopic(thing), ("{\"schema\":\"wardwatch.reading.v1\","
                            + "\"messageId\":\"" + thing + "-1\",\"deviceTime\":\"" + now + "\",\"readings\":["
                            + readings + "]}").getBytes(StandardCharsets.UTF_8)).get();
                }
                String admit = String.format(Locale.ROOT, "{\"action\":\"admit\",\"ward\":\"%s\",\"bed\":\"%d\","
                        + "\"patientRef\":\"bench-%04d\",\"by\":\"bench\",\"time\":\"%s\"}", WARD, bed, bed, now);
                var answer = stack.admission(admit).orElseThrow();
                if (answer.has("error")) {
                    throw new IllegalStateException("admitting bed " + bed + ": " + answer);
                }
            }
        } finally {
            connections.forEach(DeviceConnection::close);
        }
    }

    /**
     * What the board's reads cost in moto alone, from this JVM: one consistent {@code BatchGetItem} of 100 of the
     * ward's bed items (the most a request holds; the board makes one per 100 keys), {@code samples} times. The bed
     * items are those under the readings table's bed partitions, {@code B#<ward>#<bed>} (functions/README.md).
     */
    private static double[] motoBatchGets(LocalStack stack, int beds, int samples) {
        String table = stack.tenant().readingsTable();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int bed = 1; bed <= beds && keys.size() < 100; bed++) {
            String partition = "B#" + WARD + "#" + bed;
            stack.dynamo().query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))).items()
                    .forEach(item -> keys.add(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        }
        List<Map<String, AttributeValue>> hundred = keys.subList(0, Math.min(100, keys.size()));
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            stack.dynamo().batchGetItem(b -> b.requestItems(Map.of(table,
                    KeysAndAttributes.builder().keys(hundred).consistentRead(true).build())));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Polls the board until every bed shows its BP (the telemetry function is asynchronous); returns the answer. */
    private static String waitForTheWholeWard(HttpClient http, HttpRequest request, int beds) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            String body = send(http, request);
            long shown = body.split("\"metric\":\"systolic_bp\"", -1).length - 1;
            if (shown >= beds) {
                return body;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("after 2 minutes the board shows " + shown + " of " + beds + " BPs");
            }
            Thread.sleep(500);
        }
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    private static int positive(String[] args, int i) {
        try {
            int n = Integer.parseInt(args[i]);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // below
        }
        System.err.println(args[i - 1] + " needs a positive whole number");
        System.exit(2);
        return 0;
    }
}
