package org.wardwatch.staffapi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a ward's alerts, newest first (by opening time).
 *
 * @param state open or closed
 * @param next  the cursor of the following page (pass it as {@code next=}), null on the last page
 */
@Schema(name = "AlertList")
public record AlertList(String ward, String state, List<AlertView> alerts,
                        @Schema(nullable = true) String next) {
}
