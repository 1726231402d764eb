package org.wardwatch.functions.core;

import org.wardwatch.model.reading.Metric;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadDecoderTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    private static String v1(String readings) {
        return "{\"schema\":\"wardwatch.reading.v1\",\"messageId\":\"m-1\",\"deviceTime\":\"2026-11-25T10:15:00+01:00\","
                + "\"readings\":[" + readings + "],\"battery\":0.82}";
    }

    private Decoding decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validPayload_decodesToCanonicalReadingsInUtc() {
        Decoding decoding = decode(v1("{\"metric\":\"spo2\",\"value\":91,\"unit\":\"%\"},"
                + "{\"metric\":\"body_temperature\",\"value\":98.6,\"unit\":\"[degF]\"},"
                + "{\"metric\":\"glucose\",\"value\":3.0,\"unit\":\"mmol/L\"}"));

        assertThat(decoding).isInstanceOf(Decoding.Decoded.class);
        DecodedMessage message = ((Decoding.Decoded) decoding).message();
        assertThat(message.deviceTime()).isEqualTo(Instant.parse("2026-11-25T09:15:00Z"));
        assertThat(message.battery()).isEqualTo(0.82);
        assertThat(message.readings()).extracting(Reading::metric)
                .containsExactly(Metric.SPO2, Metric.BODY_TEMPERATURE, Metric.GLUCOSE);
        assertThat(message.readings().get(1).value()).isCloseTo(37.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(message.readings().get(1).sentValue()).isEqualTo(98.6);
        assertThat(message.readings().get(1).sentUnit()).isEqualTo("[degF]");
        assertThat(message.readings().get(2).value()).isCloseTo(54.048, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(message.readingRejections()).isEmpty();
    }

    @Test
    void doorOpen_isABooleanWithoutUnit() {
        DecodedMessage message = ((Decoding.Decoded) decode(v1("{\"metric\":\"door_open\",\"value\":true}"))).message();

        assertThat(message.readings()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(1.0);
            assertThat(r.sentUnit()).isNull();
        });
    }

    /** Hostile and broken input: each gets its reason code, none throws. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty                 | ''                                             | MALFORMED_JSON",
            "truncated             | '{\"schema\":\"wardwatch.reading.v1\",'         | MALFORMED_JSON",
            "trailing content      | '{\"schema\":\"x\"} {}'                          | MALFORMED_JSON",
            "NaN literal           | '{\"schema\":NaN}'                               | MALFORMED_JSON",
            "unquoted field name   | '{schema:1}'                                   | MALFORMED_JSON",
            "raw control character | '{\"schema\":\"a\u0001b\"}'                      | MALFORMED_JSON",
            "duplicate key         | '{\"schema\":\"a\",\"schema\":\"b\"}'            | DUPLICATE_FIELD",
            "number                | '42'                                           | NOT_AN_OBJECT",
            "string                | '\"wardwatch\"'                                | NOT_AN_OBJECT",
            "null                  | 'null'                                         | NOT_AN_OBJECT",
            "no schema             | '{\"messageId\":\"m\"}'                          | MISSING_FIELD",
            "schema not a string   | '{\"schema\":1}'                                 | UNSUPPORTED_SCHEMA",
    })
    void brokenPayload_isRejectedWithItsReason(String name, String json, RejectionReason reason) {
        assertThat(decode(json)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(reason));
    }

    @Test
    void deepNesting_isRejectedNotFollowed() {
        String deep = "{\"schema\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(decode(deep)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    @Test
    void invalidUtf8_isMalformed() {
        byte[] bytes = "{\"schema\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(decoder.decode(bytes)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    /** Regression: Jackson threw NumberFormatException out of decode, so the function failed instead of quarantining. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e9999999999", "-1e-9999999999", "1e2147483648"})
    void numberWithAnExponentBeyondAnInt_isMalformed_notAThrow(String number) {
        Decoding decoding = decode(v1("{\"metric\":\"heart_rate\",\"value\":" + number + ",\"unit\":\"/min\"}"));

        assertThat(decoding).isInstanceOfSatisfying(Decoding.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
            assertThat(r.rejection().detail()).doesNotContain("99999").doesNotContain("2147483648");
        });
    }

    /** Regression: Jackson guessed the encoding and read these as if they were UTF-8. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void validMessageInUtf16Or32_isMalformed(String charset) {
        byte[] bytes = v1("{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}").getBytes(Charset.forName(charset));

        assertThat(decoder.decode(bytes)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    /** Regression: once a decoder had read "deviceTime", Jackson read the invalid bytes "deviceTi\\xffme" as that name. */
    @Test
    void invalidUtf8InAFieldName_isMalformed_evenAfterTheNameWasSeen() {
        String valid = v1("{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}");
        byte[] smuggled = valid.replace("deviceTime", "deviceTi\u00ffme").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(decode(valid)).isInstanceOf(Decoding.Decoded.class);
        assertThat(decoder.decode(smuggled)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    @Test
    void hugeString_isRejectedBeforeItIsKept() {
        String json = "{\"schema\":\"" + "x".repeat(100_000) + "\"}";

        assertThat(decode(json)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.MALFORMED_JSON));
    }

    @Test
    void unusualUnicodeInMessageId_isAnInvalidField() {
        String json = v1("{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}").replace("m-1", "m\u202e1\ud83d\ude00");

        assertThat(decode(json)).isInstanceOfSatisfying(Decoding.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.INVALID_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "huge number       | {\"metric\":\"heart_rate\",\"value\":1e308,\"unit\":\"/min\"}     | VALUE_IMPOSSIBLE",
            "beyond double     | {\"metric\":\"heart_rate\",\"value\":1e999,\"unit\":\"/min\"}     | VALUE_NOT_FINITE_NUMBER",
            "negative rate     | {\"metric\":\"heart_rate\",\"value\":-1,\"unit\":\"/min\"}        | VALUE_IMPOSSIBLE",
            "null value        | {\"metric\":\"heart_rate\",\"value\":null,\"unit\":\"/min\"}      | VALUE_NOT_FINITE_NUMBER",
            "boolean value     | {\"metric\":\"heart_rate\",\"value\":true,\"unit\":\"/min\"}      | VALUE_NOT_FINITE_NUMBER",
            "object value      | {\"metric\":\"heart_rate\",\"value\":{},\"unit\":\"/min\"}        | VALUE_NOT_FINITE_NUMBER",
            "unit of other     | {\"metric\":\"heart_rate\",\"value\":70,\"unit\":\"%\"}           | UNIT_NOT_ALLOWED",
            "unit not a string | {\"metric\":\"heart_rate\",\"value\":70,\"unit\":7}               | UNIT_NOT_ALLOWED",
            "door with unit    | {\"metric\":\"door_open\",\"value\":false,\"unit\":\"1\"}         | UNIT_NOT_ALLOWED",
            "door as number    | {\"metric\":\"door_open\",\"value\":1}                            | VALUE_NOT_BOOLEAN",
            "metric not string | {\"metric\":7,\"value\":70,\"unit\":\"/min\"}                      | INVALID_FIELD",
            "no metric         | {\"value\":70,\"unit\":\"/min\"}                                   | MISSING_FIELD",
            "no value          | {\"metric\":\"heart_rate\",\"unit\":\"/min\"}                     | MISSING_FIELD",
            "hot fever in F    | {\"metric\":\"body_temperature\",\"value\":140,\"unit\":\"[degF]\"} | VALUE_IMPOSSIBLE",
    })
    void badReading_isRejectedAlone_andTheRestIsKept(String name, String badReading, RejectionReason reason) {
        DecodedMessage message = ((Decoding.Decoded) decode(v1(
                "{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}," + badReading))).message();

        assertThat(message.readings()).extracting(Reading::metric).containsExactly(Metric.SPO2);
        assertThat(message.readingRejections()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.readingIndex()).isEqualTo(1);
        });
    }

    @Test
    void rejectionDetails_neverRepeatThePayloadsValues() {
        Decoding decoding = decode(v1("{\"metric\":\"spo2\",\"value\":123.456,\"unit\":\"%\"}"));

        DecodedMessage message = ((Decoding.Decoded) decoding).message();
        assertThat(message.readingRejections().get(0).detail()).doesNotContain("123");
    }

    @Test
    void batteryOutOfRange_isAnInvalidField() {
        Decoding decoding = decode(v1("{\"metric\":\"spo2\",\"value\":97,\"unit\":\"%\"}").replace("0.82", "82"));

        assertThat(decoding).isInstanceOfSatisfying(Decoding.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(RejectionReason.INVALID_FIELD);
            assertThat(r.messageId()).isEqualTo("m-1");
        });
    }
}
