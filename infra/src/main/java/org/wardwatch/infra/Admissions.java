package org.wardwatch.infra;

import org.wardwatch.model.tenant.Handler;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The {@code admission} function: admits, transfers and discharges patients and changes their SpO2 scale and
 * threshold overrides (functions/README.md, "Admissions"), invoked synchronously by an operator (later by the staff
 * API). Each change is one conditional transaction on the readings table, and a discharge resolves the bed's alerts;
 * the stack grants it {@link ReadingsStore#grantAdmissionAccess} and publishing to the alert topic. 30 seconds: a
 * read and one transaction, far less in practice.
 */
public final class Admissions extends Construct {

    public static final String HANDLER = Handler.ADMISSION.handlerName();

    private final TenantFunction function;

    public Admissions(Construct scope, String id, SingleFunctionProps props) {
        super(scope, id);
        function = new TenantFunction(this, TenantFunction.ID, TenantFunctionProps.builder()
                .names(props.names())
                .handler(Handler.ADMISSION)
                .description("admits, transfers and discharges patients; keeps each bed's admission history")
                .settings(props.settings())
                .encryptionKey(props.encryptionKey())
                .build());
    }

    public Function function() {
        return function.function();
    }

    public Alias alias() {
        return function.alias();
    }
}
