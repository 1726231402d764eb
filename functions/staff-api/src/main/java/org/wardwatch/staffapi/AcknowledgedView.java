package org.wardwatch.staffapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An acknowledgement recorded. */
@Schema(name = "Acknowledged")
public record AcknowledgedView(
        AlertView alert,
        @Schema(description = "false: the ACKNOWLEDGED message stays pending and the next escalation check sends it")
        boolean notified) {
}
