package org.wardwatch.staffapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an acknowledgement: an optional note (no other field is accepted). */
@Schema(name = "Acknowledgement")
public record AcknowledgeBody(
        @Schema(description = "what was done; trimmed, blank is none", maxLength = 500,
                examples = "Repositioned probe, SpO2 recovering") String note) {
}
