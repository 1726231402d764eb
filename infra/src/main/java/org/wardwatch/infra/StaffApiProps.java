package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link StaffApi} needs.
 *
 * @param names            the tenant's names
 * @param code             {@code functions/staff-api/target/function.zip} for real, an empty zip in tests
 * @param memoryMb         the function's memory (the tenant's functions')
 * @param logRetentionDays retention of the function's and the API's log groups (the tenant's functions')
 * @param environment      the {@code WARDWATCH_*} variables the staff API reads (ordered: written into the template)
 * @param encryptionKey    the tenant's key, for the log groups
 * @param userPool         the staff user pool, whose ID tokens the API accepts
 * @param dashboard        the app client the tokens must be issued to (their audience)
 * @param layers           the tenant configuration's layer (the file the functions read: wards' vitals policies)
 */
public record StaffApiProps(TenantNames names, Code code, int memoryMb, int logRetentionDays,
                            Map<String, String> environment, IKey encryptionKey, IUserPool userPool,
                            IUserPoolClient dashboard, List<ILayerVersion> layers) {

    public StaffApiProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(code, "code");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(userPool, "userPool");
        Objects.requireNonNull(dashboard, "dashboard");
        layers = List.copyOf(layers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;
        private Code code;
        private int memoryMb = 1024;
        private int logRetentionDays = 365;
        private Map<String, String> environment = Map.of();
        private IKey encryptionKey;
        private IUserPool userPool;
        private IUserPoolClient dashboard;
        private List<ILayerVersion> layers = List.of();

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder code(Code code) {
            this.code = code;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder logRetentionDays(int logRetentionDays) {
            this.logRetentionDays = logRetentionDays;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public Builder userPool(IUserPool userPool) {
            this.userPool = userPool;
            return this;
        }

        public Builder dashboard(IUserPoolClient dashboard) {
            this.dashboard = dashboard;
            return this;
        }

        public Builder layers(List<ILayerVersion> layers) {
            this.layers = layers;
            return this;
        }

        public StaffApiProps build() {
            return new StaffApiProps(names, code, memoryMb, logRetentionDays, environment, encryptionKey, userPool,
                    dashboard, layers);
        }
    }
}
