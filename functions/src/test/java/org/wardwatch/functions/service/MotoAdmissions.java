package org.wardwatch.functions.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wardwatch.emulator.MotoServer;
import org.wardwatch.functions.aws.AdmissionItems;
import org.wardwatch.functions.aws.DynamoAdmissionStore;
import org.wardwatch.functions.lambda.TestTenant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The admission service on the emulator's readings table, with the bed alerts it asks to resolve recorded (the
 * bed's alert state is the telemetry integration's; here only the calls matter). Each instance has its own ward,
 * so tests sharing the emulator never meet.
 */
final class MotoAdmissions {

    /** One call to resolve a bed's alerts. */
    record Resolution(String ward, String bed, String patientRef, String reason, Instant at) {
    }

    final TestTenant tenant = TestTenant.provision(MotoServer.shared().endpoint());
    final DynamoAdmissionStore store = new DynamoAdmissionStore(tenant.dynamo, TestTenant.READINGS);
    final List<Resolution> resolutions = Collections.synchronizedList(new ArrayList<>());
    final String ward = "ADM-" + UUID.randomUUID().toString().substring(0, 8);
    volatile RuntimeException alertsFailure;

    final AdmissionService service = new AdmissionService(store, (ward, bed, patientRef, reason, at) -> {
        if (alertsFailure != null) {
            throw alertsFailure;
        }
        resolutions.add(new Resolution(ward, bed, patientRef, reason, at));
        return List.of("alert-of-" + bed);
    });

    /** A patient reference no other test uses. */
    static String patient() {
        return "adm-" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /** Every item of a bed's partition, by sort key. */
    List<Map<String, AttributeValue>> bedItems(String bed) {
        return tenant.dynamo.query(b -> b.tableName(TestTenant.READINGS).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("B#" + ward + "#" + bed)))).items();
    }

    Map<String, AttributeValue> currentItem(String bed) {
        return tenant.dynamo.getItem(b -> b.tableName(TestTenant.READINGS).key(AdmissionItems.key(ward, bed))).item();
    }
}
