package org.wardwatch.infra;

import org.wardwatch.model.tenant.TenantNames;
import java.util.Objects;

/** What {@link DeviceFleet} needs: the tenant's names. */
public record DeviceFleetProps(TenantNames names) {

    public DeviceFleetProps {
        Objects.requireNonNull(names, "names");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TenantNames names;

        public Builder names(TenantNames names) {
            this.names = names;
            return this;
        }

        public DeviceFleetProps build() {
            return new DeviceFleetProps(names);
        }
    }
}
