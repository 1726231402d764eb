package org.wardwatch.localstack.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.wardwatch.localstack.lambda.FunctionPool;
import org.wardwatch.localstack.lambda.FunctionSpec;
import org.wardwatch.localstack.lambda.InvocationResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Warm invocation time of one function instance against moto, by kind of message, and where it goes: each kind
 * makes a known set of AWS calls (functions' RoundTripsTest counts them through the handler), so the time of each
 * call, measured from this JVM with the same SDK and HTTP client, models an invocation; the remainder is the
 * function's own work plus the Runtime API's round trip. Kinds and calls are interleaved round by round, so that
 * noise, and moto slowing down as its tables grow, fall on all of them alike.
 */
final class WarmInvocations {

    private static final int WARM_UP_ROUNDS = 60;

    /**
     * One kind of message and the calls it makes, one round trip after another, separated by spaces; calls the
     * function makes at the same time are written together ("R BUU P": a batch read, then the readings' batch
     * write and two updates at once, then a put). R BatchGetItem, G GetItem, B BatchWriteItem, U UpdateItem,
     * Q Query, P PutItem, T TransactWriteItems, S SNS Publish.
     */
    private record Kind(String name, String calls, Supplier<String> event) {

        /** The sum over round trips of the slowest call in each (by median): calls made at once overlap. */
        double model(Map<Character, Double> call) {
            double sum = 0;
            for (String roundTrip : calls.split(" ")) {
                sum += roundTrip.chars().mapToDouble(c -> call.get((char) c)).max().orElse(0);
            }
            return sum;
        }
    }

    private final BenchTenant tenant;
    private final PrintStream out;
    private String lastStored;

    WarmInvocations(BenchTenant tenant, PrintStream out) {
        this.tenant = tenant;
        this.out = out;
    }

    void run(FunctionSpec spec, int samples, Path logs) throws Exception {
        List<Kind> kinds = List.of(
                new Kind("rejected (truncated JSON)", "B", tenant::rejected),
                new Kind("duplicate (redelivered)", "R", () -> lastStored),
                new Kind("accepted, 1 reading", "R BU P", tenant::oneReading),
                new Kind("accepted, 2 readings", "R BUU P", () -> lastStored = tenant.twoReadings()),
                new Kind("accepted, 2 readings, 1 alert", "R BTU S B", tenant::twoReadingsWithAlert));
        Map<Kind, double[]> times = new LinkedHashMap<>();
        kinds.forEach(k -> times.put(k, new double[samples]));
        Map<Character, Runnable> calls = sdkCalls();
        Map<Character, double[]> callTimes = new LinkedHashMap<>();
        calls.keySet().forEach(c -> callTimes.put(c, new double[samples]));
        try (FunctionPool pool = new FunctionPool(spec, tenant.awsEnvironment(), logs)) {
            pool.start(1, Duration.ofSeconds(120));
            lastStored = tenant.twoReadings();
            invoke(pool, lastStored);
            out.printf("warm invocations: %d rounds of warm-up, then %d rounds; a round sends one message of each "
                    + "kind, then makes each AWS call once from this JVM%n", WARM_UP_ROUNDS, samples);
            for (int i = -WARM_UP_ROUNDS; i < samples; i++) {
                for (Kind kind : kinds) {
                    double ms = time(() -> invoke(pool, kind.event().get()));
                    if (i >= 0) {
                        times.get(kind)[i] = ms;
                    }
                }
                for (Map.Entry<Character, Runnable> call : calls.entrySet()) {
                    double ms = time(call.getValue()::run);
                    if (i >= 0) {
                        callTimes.get(call.getKey())[i] = ms;
                    }
                }
            }
        }
        Map<Character, Double> call = new LinkedHashMap<>();
        callTimes.forEach((c, t) -> call.put(c, Stats.median(t)));
        out.println();
        out.println("AWS calls from this JVM to moto (same SDK and URLConnection client), median ms of " + samples);
        call.forEach((c, ms) -> out.printf("  %s %-36s %6.2f%n", c, name(c), ms));
        out.println();
        out.println("warm invocation, invoke -> response through the local Runtime API (ms); AWS model = sum over "
                + "its round trips of the slowest call's median (calls written together are made at once)");
        out.printf("%-32s %-11s %7s %7s %7s %9s %9s%n", "message", "AWS calls", "median", "p90", "p99", "AWS model",
                "rest");
        times.forEach((kind, t) -> {
            double model = kind.model(call);
            double median = Stats.median(t);
            out.printf("%-32s %-11s %7.2f %7.2f %7.2f %9.2f %9.2f%n", kind.name(), kind.calls(), median,
                    Stats.percentile(t, 90), Stats.percentile(t, 99), model, median - model);
        });
        out.println();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void invoke(FunctionPool pool, String event) throws Exception {
        InvocationResult result = pool.invoke(event).get(1, TimeUnit.MINUTES);
        if (result.failed()) {
            throw new IllegalStateException("the function failed: " + result.body());
        }
    }

    /** Each kind of call the function makes, shaped like the function's own requests, on an item of its own. */
    private Map<Character, Runnable> sdkCalls() {
        DynamoDbClient dynamo = tenant.dynamo();
        String table = tenant.readingsTable();
        Map<String, AttributeValue> key = Map.of("pk", s("D#bench-sdk"), "sk", s("L#spo2"));
        dynamo.putItem(b -> b.tableName(table).item(item("L#spo2", 0)));
        Map<Character, Runnable> calls = new LinkedHashMap<>();
        // a message's marker (absent), two metrics' latest items and the battery's state
        List<Map<String, AttributeValue>> snapshot = List.of(Map.of("pk", s("D#bench-sdk"), "sk", s("M#absent")),
                key, Map.of("pk", s("D#bench-sdk"), "sk", s("L#heart_rate")),
                Map.of("pk", s("D#bench-sdk"), "sk", s("H#battery")));
        dynamo.putItem(b -> b.tableName(table).item(item("L#heart_rate", 0)));
        dynamo.putItem(b -> b.tableName(table).item(item("H#battery", 0)));
        calls.put('R', () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
                .keys(snapshot).consistentRead(true).build()))));
        calls.put('G', () -> dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)));
        calls.put('B', () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                put("R#1"), put("R#2"))))));
        calls.put('U', () -> dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("SET #v = #v + :one").conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(Map.of(":one", n(1)))));
        calls.put('Q', () -> dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)").filterExpression("#s = :pending")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":pk", s("D#bench-sdk"), ":p", s("M#x#N#"), ":pending", s("PENDING")))));
        calls.put('P', () -> dynamo.putItem(b -> b.tableName(table).item(item("M#x", 1))));
        calls.put('T', () -> dynamo.transactWriteItems(b -> b.transactItems(
                t -> t.update(u -> u.tableName(table).key(key).updateExpression("SET #v = #v + :one")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":one", n(1)))),
                t -> t.put(p -> p.tableName(table).item(item("M#x#N#spo2", 1))))));
        calls.put('S', () -> tenant.sns().publish(b -> b.topicArn(tenant.topicArn()).messageStructure("json")
                .message("{\"default\":\"{}\",\"sms\":\"[wardwatch] bench\",\"email\":\"bench\"}").subject("bench")
                .messageAttributes(Map.of("severity", MessageAttributeValue.builder().dataType("String")
                        .stringValue("WARNING").build()))));
        return calls;
    }

    private static String name(char call) {
        return switch (call) {
            case 'R' -> "BatchGetItem (consistent, 4 keys)";
            case 'G' -> "GetItem (consistent)";
            case 'B' -> "BatchWriteItem (2 items)";
            case 'U' -> "UpdateItem (conditional)";
            case 'Q' -> "Query (consistent, filtered)";
            case 'P' -> "PutItem";
            case 'T' -> "TransactWriteItems (update + put)";
            case 'S' -> "SNS Publish (MessageStructure=json)";
            default -> "?";
        };
    }

    private static WriteRequest put(String sk) {
        return WriteRequest.builder()
                .putRequest(p -> p.item(item(sk, 1))).build();
    }

    private static Map<String, AttributeValue> item(String sk, long version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s("D#bench-sdk"));
        item.put("sk", s(sk));
        item.put("version", n(version));
        item.put("metric", s("spo2"));
        item.put("value", n(97));
        item.put("unit", s("%"));
        item.put("ward", s("ICU-9"));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
