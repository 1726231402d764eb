package org.wardwatch.staffapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wardwatch.functions.aws.DynamoBedReadings;

/** What a bed's readings answer: a page of them, newest first. Times ISO-8601 UTC (offset Z). */
public final class ReadingViews {

    private ReadingViews() {
    }

    @Schema(name = "ReadingList", description = "a page of a bed's readings taken in [from, to), newest first")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReadingList(@Schema(examples = "ICU-3") String ward, @Schema(examples = "12") String bed,
                              @Schema(format = "date-time") String from, @Schema(format = "date-time") String to,
                              List<Reading> readings,
                              @Schema(description = "the cursor of the next page (pass it as next= with the same "
                                      + "from, to and metric); absent on the last") String next) {
    }

    @Schema(name = "Reading")
    public record Reading(@Schema(examples = "spo2") String metric, double value,
                          @Schema(description = "UCUM; absent for a metric without a unit", examples = "%") String unit,
                          @Schema(description = "the device that measured it", examples = "ox-12") String source,
                          @Schema(format = "date-time", description = "device time") String time) {

        static Reading of(DynamoBedReadings.StoredReading r) {
            return new Reading(r.metric().code(), r.value(), r.unit(), r.thingName(), AlertView.time(r.deviceTime()));
        }
    }
}
