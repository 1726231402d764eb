package org.wardwatch.functions.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.model.tenant.TableIndexes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A ward's current admissions, from the readings table's {@code byWard} index (the current admission items of the
 * ward's beds, sort keys {@code A#<bed>}, beside the ward's alert records). An index is eventually consistent: an admission just written may be missing for a moment.
 * Admissions written before the index existed are in it from their next change.
 */
public final class DynamoWardAdmissions {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWardAdmissions(DynamoDbClient dynamo, String readingsTable) {
        this.dynamo = dynamo;
        this.table = readingsTable;
    }

    public List<Admission> of(String ward) {
        List<Admission> admissions = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(TableIndexes.BY_WARD)
                        .keyConditionExpression(TableIndexes.WARD_PARTITION + " = :w AND begins_with("
                                + TableIndexes.WARD_SORT + ", :a)")
                        .expressionAttributeValues(Map.of(":w", AttributeValue.fromS(ward),
                                ":a", AttributeValue.fromS(TableIndexes.WARD_ADMISSION_PREFIX))))
                .items().forEach(item -> admissions.add(AdmissionItems.admission(item)));
        return admissions;
    }
}
