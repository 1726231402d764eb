package org.wardwatch.staffapi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The open alerts of a ward, in the index's order (place, type, subject). */
@Schema(name = "AlertList")
public record AlertList(String ward, String state, List<AlertView> alerts) {
}
