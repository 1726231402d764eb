package org.wardwatch.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.lambda.AwsCalls;
import org.wardwatch.functions.lambda.TestTenant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A consistent batch read whose answer would pass 16 MB: the emulator, like DynamoDB, answers part and returns
 * the rest as unprocessed keys, which the store asks for again until it has every item.
 */
class DynamoBatchReadTest {

    @Test
    void keysLeftUnprocessed_areAskedForAgain_untilEveryItemIsRead() {
        TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
        DynamoTelemetryStore store = new DynamoTelemetryStore(tenant.dynamo, TestTenant.READINGS,
                TestTenant.QUARANTINE, Duration.ofDays(1), Duration.ofDays(3));
        String bulk = "x".repeat(390_000);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            Map<String, AttributeValue> key = Map.of("pk", s("D#batch-read"), "sk", s(String.format("Z#%02d", i)));
            keys.add(key);
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("bulk", s(bulk));
            tenant.dynamo.putItem(b -> b.tableName(TestTenant.READINGS).item(item));
        }
        keys.add(Map.of("pk", s("D#batch-read"), "sk", s("Z#absent")));

        AwsCalls.Counted<List<Map<String, AttributeValue>>> read;
        try {
            read = AwsCalls.during(() -> store.batchGet(keys, "sk, bulk"));
        } finally {
            // the emulator slows down as its tables grow: leave nothing this big behind
            keys.forEach(key -> tenant.dynamo.deleteItem(b -> b.tableName(TestTenant.READINGS).key(key)));
        }

        assertThat(read.calls().get("BatchGetItem")).as("requests: 45 items of 390 KB are over 16 MB").isEqualTo(2);
        assertThat(read.result()).extracting(i -> i.get("sk").s()).hasSize(45).doesNotHaveDuplicates()
                .allMatch(sk -> sk.startsWith("Z#"));
        assertThat(read.result()).allMatch(i -> i.get("bulk").s().length() == 390_000 && !i.containsKey("pk"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
