package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import software.amazon.awscdk.services.kms.IKey;

import java.util.Objects;

/** What a {@link ReadingsStore} needs: the tenant's names and its customer-managed key. */
public final class ReadingsStoreProps {

    private final TenantNames names;
    private final IKey encryptionKey;

    private ReadingsStoreProps(Builder builder) {
        this.names = Objects.requireNonNull(builder.names, "names");
        this.encryptionKey = Objects.requireNonNull(builder.encryptionKey, "encryptionKey");
    }

    public static Builder builder() {
        return new Builder();
    }

    public TenantNames names() {
        return names;
    }

    public IKey encryptionKey() {
        return encryptionKey;
    }

    public static final class Builder {
        private TenantNames names;
        private IKey encryptionKey;

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        public ReadingsStoreProps build() {
            return new ReadingsStoreProps(this);
        }
    }
}
