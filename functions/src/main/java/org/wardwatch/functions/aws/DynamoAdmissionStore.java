package org.wardwatch.functions.aws;

import static org.wardwatch.functions.service.AdmissionRefusedException.Code.BED_OCCUPIED;
import static org.wardwatch.functions.service.AdmissionRefusedException.Code.CONCURRENT_CHANGE;
import static org.wardwatch.functions.service.AdmissionRefusedException.Code.PATIENT_ALREADY_ADMITTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wardwatch.functions.core.Admission;
import org.wardwatch.functions.core.AdmissionChange;
import org.wardwatch.functions.service.AdmissionRefusedException;
import org.wardwatch.functions.service.AdmissionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Admissions in the readings table ({@link AdmissionItems}). Each change is one transaction: the bed's current
 * admission, the patient's pointer and the history entry are written together or not at all, each conditional, so
 * two admissions to one bed (or of one patient to two beds) cannot both succeed. Uses GetItem (strongly
 * consistent), Query (history) and TransactWriteItems of Put and Delete.
 */
public final class DynamoAdmissionStore implements AdmissionStore {

    private static final String ABSENT = "attribute_not_exists(pk)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAdmissionStore(DynamoDbClient dynamo, String readingsTable) {
        this.dynamo = dynamo;
        this.table = readingsTable;
    }

    @Override
    public Optional<Admission> current(String ward, String bed) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(AdmissionItems.key(ward, bed)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AdmissionItems.admission(item));
    }

    @Override
    public void admit(Admission admission, AdmissionChange change) {
        write(List.of(put(AdmissionItems.current(admission), ABSENT),
                        put(AdmissionItems.pointer(admission), ABSENT),
                        put(AdmissionItems.change(change), ABSENT)),
                bedOccupied(admission),
                new AdmissionRefusedException(PATIENT_ALREADY_ADMITTED,
                        "the patient is admitted to another bed already: transfer or discharge them there first"));
    }

    @Override
    public void discharge(Admission admission, AdmissionChange change) {
        write(List.of(deleteUnchanged(admission), deletePointer(admission), put(AdmissionItems.change(change), ABSENT)),
                changed(admission), changed(admission));
    }

    @Override
    public void transfer(Admission from, Admission to, AdmissionChange out, AdmissionChange in) {
        write(List.of(deleteUnchanged(from),
                        put(AdmissionItems.current(to), ABSENT),
                        TransactWriteItem.builder().put(Put.builder().tableName(table).item(AdmissionItems.pointer(to))
                                .conditionExpression(AT_BED).expressionAttributeNames(PLACE_NAMES)
                                .expressionAttributeValues(place(from)).build()).build(),
                        put(AdmissionItems.change(out), ABSENT),
                        put(AdmissionItems.change(in), ABSENT)),
                changed(from), bedOccupied(to), changed(from));
    }

    @Override
    public void change(Admission before, Admission after, AdmissionChange change) {
        write(List.of(TransactWriteItem.builder().put(Put.builder().tableName(table)
                                .item(AdmissionItems.current(after)).conditionExpression(AdmissionItems.UNCHANGED)
                                .expressionAttributeValues(AdmissionItems.asRead(before)).build()).build(),
                        put(AdmissionItems.change(change), ABSENT)),
                changed(before));
    }

    @Override
    public List<AdmissionChange> history(String ward, String bed) {
        List<AdmissionChange> changes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :history)")
                    .expressionAttributeValues(Map.of(":pk", Attributes.s(Keys.bed(ward, bed)),
                            ":history", Attributes.s(AdmissionItems.HISTORY_PREFIX)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> changes.add(AdmissionItems.change(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return changes;
    }

    private static final String AT_BED = "#ward = :ward AND #bed = :bed";
    private static final Map<String, String> PLACE_NAMES = Map.of("#ward", "ward", "#bed", "bed");

    private static Map<String, AttributeValue> place(Admission admission) {
        return Map.of(":ward", Attributes.s(admission.ward()), ":bed", Attributes.s(admission.bed()));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition).build()).build();
    }

    private TransactWriteItem deleteUnchanged(Admission admission) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(AdmissionItems.key(admission.ward(), admission.bed()))
                .conditionExpression(AdmissionItems.UNCHANGED)
                .expressionAttributeValues(AdmissionItems.asRead(admission)).build()).build();
    }

    private TransactWriteItem deletePointer(Admission admission) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(AdmissionItems.patientKey(admission.patientRef()))
                .conditionExpression(AT_BED).expressionAttributeNames(PLACE_NAMES)
                .expressionAttributeValues(place(admission)).build()).build();
    }

    /**
     * Writes all or nothing. A failed condition of the i-th write is refused with the i-th refusal (the last one
     * for the writes after); a transaction that met another at the same items is refused as a concurrent change.
     */
    private void write(List<TransactWriteItem> writes, AdmissionRefusedException... refusals) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    throw refusals[Math.min(i, refusals.length - 1)];
                }
            }
            if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                throw new AdmissionRefusedException(CONCURRENT_CHANGE, "another change to the same bed or patient "
                        + "was being made at the same moment; nothing was changed: try again");
            }
            throw e;
        }
    }

    private static AdmissionRefusedException bedOccupied(Admission admission) {
        return new AdmissionRefusedException(BED_OCCUPIED, admission.ward() + " bed " + admission.bed()
                + " holds an admission already: discharge or transfer that patient first");
    }

    private static AdmissionRefusedException changed(Admission admission) {
        return new AdmissionRefusedException(CONCURRENT_CHANGE, admission.ward() + " bed " + admission.bed()
                + "'s admission changed while this change was being made; nothing was changed: read it and try again");
    }
}
