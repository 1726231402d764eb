package org.wardwatch.functions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** IoT Core's lifecycle events as AWS documents them, and every way one can be refused. */
class PresenceDecoderTest {

    static final String CONNECTED = """
            {"clientId":"icu1-oximeter-04","timestamp":1573002230757,"eventType":"connected",
             "sessionIdentifier":"a4666d2a7d844ae4ac5d7b38c9cb7967","principalIdentifier":"12345678901234567890",
             "ipAddress":"192.0.2.0","versionNumber":0}""";
    static final String DISCONNECTED = """
            {"clientId":"icu1-oximeter-04","timestamp":1573002340451,"eventType":"disconnected",
             "sessionIdentifier":"a4666d2a7d844ae4ac5d7b38c9cb7967","principalIdentifier":"12345678901234567890",
             "clientInitiatedDisconnect":true,"disconnectReason":"CLIENT_INITIATED_DISCONNECT","versionNumber":0}""";

    /** As the local broker publishes a refused CONNECT (AWS's "Connect attempt failure event"). */
    static final String CONNECT_FAILED = """
            {"clientId":"icu1-oximeter-04","timestamp":1573002450123,"eventType":"connect_failed",
             "connectFailureReason":"AUTHORIZATION_FAILED","principalIdentifier":"12345678901234567890",
             "ipAddress":"192.0.2.0"}""";

    private final PresenceDecoder decoder = new PresenceDecoder();

    private PresenceDecoding decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void connectedEvent_asIotCorePublishesIt_isDecoded_withoutAddressOrCertificate() {
        PresenceDecoding decoding = decode(CONNECTED);

        assertThat(decoding).isEqualTo(new PresenceDecoding.Decoded(PresenceEvent.connected("icu1-oximeter-04",
                Instant.ofEpochMilli(1573002230757L), "a4666d2a7d844ae4ac5d7b38c9cb7967", 0)));
    }

    @Test
    void disconnectedEvent_keepsItsReasonAndWhoEndedIt() {
        PresenceDecoding decoding = decode(DISCONNECTED);

        assertThat(decoding).isEqualTo(new PresenceDecoding.Decoded(PresenceEvent.disconnected("icu1-oximeter-04",
                Instant.ofEpochMilli(1573002340451L), "a4666d2a7d844ae4ac5d7b38c9cb7967", 0,
                "CLIENT_INITIATED_DISCONNECT", true)));
    }

    @Test
    void aDisconnectReasonIotCoreAddsLater_isKeptAsGiven() {
        PresenceDecoding decoding = decode(DISCONNECTED.replace("CLIENT_INITIATED_DISCONNECT", "QUOTA_EXCEEDED_2027")
                .replace("true", "false"));

        assertThat(((PresenceDecoding.Decoded) decoding).event().disconnectReason()).isEqualTo("QUOTA_EXCEEDED_2027");
        assertThat(((PresenceDecoding.Decoded) decoding).event().clientInitiatedDisconnect()).isFalse();
    }

    @Test
    void connectFailedEvent_isARefusedConnect_withItsReason_needingNoSessionOrVersion() {
        PresenceDecoding decoding = decode(CONNECT_FAILED);

        assertThat(decoding).isEqualTo(new PresenceDecoding.FailedConnect(new PresenceConnectFailure(
                "icu1-oximeter-04", Instant.ofEpochMilli(1573002450123L), "AUTHORIZATION_FAILED")));
    }

    @Test
    void connectFailedEvent_withASessionAndVersionAsWell_isStillARefusedConnect() {
        PresenceDecoding decoding = decode(CONNECT_FAILED.replace("\"ipAddress\"",
                "\"sessionIdentifier\":\"00000000000000000000000000000000\",\"versionNumber\":0,\"ipAddress\""));

        assertThat(decoding).isInstanceOf(PresenceDecoding.FailedConnect.class);
    }

    @Test
    void theTopicOfAConnectFailedDeadLetter_mustNameItsTypeAndClient() {
        byte[] bytes = CONNECT_FAILED.getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(bytes, "$aws/events/presence/connect_failed/icu1-oximeter-04"))
                .isInstanceOf(PresenceDecoding.FailedConnect.class);
        assertThat(reason(decoder.decode(bytes, "$aws/events/presence/disconnected/icu1-oximeter-04")))
                .isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(reason(decoder.decode(bytes, "$aws/events/presence/connect_failed/icu1-oximeter-05")))
                .isEqualTo(RejectionReason.DEVICE_MISMATCH);
        assertThat(reason(decoder.decode(CONNECTED.getBytes(StandardCharsets.UTF_8),
                "$aws/events/presence/connect_failed/icu1-oximeter-04"))).isEqualTo(RejectionReason.INVALID_FIELD);
    }

    @Test
    void theTopicOfADeadLetter_mustNameTheEventsTypeAndClient() {
        byte[] bytes = DISCONNECTED.getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(bytes, "$aws/events/presence/disconnected/icu1-oximeter-04"))
                .isInstanceOf(PresenceDecoding.Decoded.class);
        assertThat(reason(decoder.decode(bytes, "$aws/events/presence/connected/icu1-oximeter-04")))
                .isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(reason(decoder.decode(bytes, "$aws/events/presence/disconnected/icu1-oximeter-05")))
                .isEqualTo(RejectionReason.DEVICE_MISMATCH);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("over 8 KB", CONNECTED.replace("\"ipAddress\"", "\"padding\":\"" + "x".repeat(9000)
                        + "\",\"ipAddress\""), RejectionReason.PAYLOAD_TOO_LARGE),
                Arguments.of("truncated", CONNECTED.substring(0, 40), RejectionReason.MALFORMED_JSON),
                Arguments.of("trailing content", CONNECTED + " {}", RejectionReason.MALFORMED_JSON),
                Arguments.of("not UTF-8", "{\"clientId\":\"\u00ff\"}", RejectionReason.MALFORMED_JSON),
                Arguments.of("a field twice", CONNECTED.replace("\"versionNumber\":0",
                        "\"versionNumber\":0,\"versionNumber\":1"), RejectionReason.DUPLICATE_FIELD),
                Arguments.of("an array", "[" + CONNECTED + "]", RejectionReason.NOT_AN_OBJECT),
                Arguments.of("no clientId", CONNECTED.replace("\"clientId\":\"icu1-oximeter-04\",", ""),
                        RejectionReason.MISSING_FIELD),
                Arguments.of("clientId a number", CONNECTED.replace("\"icu1-oximeter-04\"", "4"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("clientId with '#'", CONNECTED.replace("icu1-oximeter-04", "icu1#oximeter"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("clientId of 129", CONNECTED.replace("icu1-oximeter-04", "o".repeat(129)),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("no eventType", CONNECTED.replace("\"eventType\":\"connected\",", ""),
                        RejectionReason.MISSING_FIELD),
                Arguments.of("eventType true", CONNECTED.replace("\"connected\"", "true"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("eventType subscribed", CONNECTED.replace("\"connected\"", "\"subscribed\""),
                        RejectionReason.UNSUPPORTED_EVENT_TYPE),
                Arguments.of("connect_failed without a reason", CONNECT_FAILED.replace(
                        "\"connectFailureReason\":\"AUTHORIZATION_FAILED\",", ""), RejectionReason.MISSING_FIELD),
                Arguments.of("connect_failed reason in lower case", CONNECT_FAILED.replace("AUTHORIZATION_FAILED",
                        "authorization_failed"), RejectionReason.INVALID_FIELD),
                Arguments.of("connect_failed reason a number", CONNECT_FAILED.replace("\"AUTHORIZATION_FAILED\"",
                        "1"), RejectionReason.INVALID_FIELD),
                Arguments.of("connect_failed without a timestamp", CONNECT_FAILED.replace(
                        "\"timestamp\":1573002450123,", ""), RejectionReason.MISSING_FIELD),
                Arguments.of("connect_failed with a client id with '#'", CONNECT_FAILED.replace("icu1-oximeter-04",
                        "icu1#oximeter"), RejectionReason.INVALID_FIELD),
                Arguments.of("eventType connectFailed", CONNECT_FAILED.replace("\"connect_failed\"",
                        "\"connectFailed\""), RejectionReason.UNSUPPORTED_EVENT_TYPE),
                Arguments.of("eventType in capitals", CONNECTED.replace("\"connected\"", "\"CONNECTED\""),
                        RejectionReason.UNSUPPORTED_EVENT_TYPE),
                Arguments.of("no timestamp", CONNECTED.replace("\"timestamp\":1573002230757,", ""),
                        RejectionReason.MISSING_FIELD),
                Arguments.of("timestamp a string", CONNECTED.replace("1573002230757", "\"1573002230757\""),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("timestamp with a fraction", CONNECTED.replace("1573002230757", "1573002230757.5"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("timestamp negative", CONNECTED.replace("1573002230757", "-1"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("timestamp beyond year 9999", CONNECTED.replace("1573002230757", "253402300800000"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("timestamp beyond a long", CONNECTED.replace("1573002230757", "9".repeat(30)),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("no sessionIdentifier", CONNECTED.replace(
                        "\"sessionIdentifier\":\"a4666d2a7d844ae4ac5d7b38c9cb7967\",", ""), RejectionReason.MISSING_FIELD),
                Arguments.of("sessionIdentifier with '#'", CONNECTED.replace("a4666d2a7d844ae4", "a4666d2a#d844ae4"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("sessionIdentifier empty", CONNECTED.replace("a4666d2a7d844ae4ac5d7b38c9cb7967", ""),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("no versionNumber", CONNECTED.replace(",\"versionNumber\":0", ""),
                        RejectionReason.MISSING_FIELD),
                Arguments.of("versionNumber negative", CONNECTED.replace("\"versionNumber\":0", "\"versionNumber\":-1"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("versionNumber 1.5", CONNECTED.replace("\"versionNumber\":0", "\"versionNumber\":1.5"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("versionNumber null", CONNECTED.replace("\"versionNumber\":0",
                        "\"versionNumber\":null"), RejectionReason.INVALID_FIELD),
                Arguments.of("disconnected without a reason", DISCONNECTED.replace(
                        ",\"disconnectReason\":\"CLIENT_INITIATED_DISCONNECT\"", ""), RejectionReason.MISSING_FIELD),
                Arguments.of("reason in lower case", DISCONNECTED.replace("CLIENT_INITIATED_DISCONNECT",
                        "client_initiated"), RejectionReason.INVALID_FIELD),
                Arguments.of("reason with markup", DISCONNECTED.replace("CLIENT_INITIATED_DISCONNECT",
                        "<script>alert(1)</script>"), RejectionReason.INVALID_FIELD),
                Arguments.of("reason of 65", DISCONNECTED.replace("CLIENT_INITIATED_DISCONNECT", "A".repeat(65)),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("reason a number", DISCONNECTED.replace("\"CLIENT_INITIATED_DISCONNECT\"", "7"),
                        RejectionReason.INVALID_FIELD),
                Arguments.of("disconnected without clientInitiatedDisconnect", DISCONNECTED.replace(
                        "\"clientInitiatedDisconnect\":true,", ""), RejectionReason.MISSING_FIELD),
                Arguments.of("clientInitiatedDisconnect a string", DISCONNECTED.replace(
                        "\"clientInitiatedDisconnect\":true", "\"clientInitiatedDisconnect\":\"yes\""),
                        RejectionReason.INVALID_FIELD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aMalformedEvent_isRefusedWithItsReason_andADetailThatRepeatsNoValue(String name, String json,
                                                                              RejectionReason reason) {
        PresenceDecoding decoding = name.equals("not UTF-8")
                ? decoder.decode(new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xff, '"', '}'}, null)
                : decode(json);

        assertThat(reason(decoding)).isEqualTo(reason);
        String detail = ((PresenceDecoding.Rejected) decoding).rejection().detail();
        assertThat(detail).isNotBlank().doesNotContain("1573002230757", "a4666d2a", "<script>", "subscribed",
                "client_initiated", "AAAAAAAA", "oooooooo");
        assertThat(((PresenceDecoding.Rejected) decoding).rejection().isMessageLevel()).isTrue();
    }

    @Test
    void aRefusedEvent_stillSaysWhoAndWhen_whenItCan_soThatItIsQuarantinedUnderTheDevice() {
        PresenceDecoding.Rejected rejected = (PresenceDecoding.Rejected) decode(
                CONNECTED.replace("\"connected\"", "\"subscribed\""));

        assertThat(rejected.clientId()).isEqualTo("icu1-oximeter-04");
        assertThat(rejected.timestamp()).isEqualTo(Instant.ofEpochMilli(1573002230757L));

        PresenceDecoding.Rejected noClient = (PresenceDecoding.Rejected) decode(
                CONNECTED.replace("icu1-oximeter-04", "icu1#oximeter"));
        assertThat(noClient.clientId()).isNull();
    }

    private static RejectionReason reason(PresenceDecoding decoding) {
        assertThat(decoding).isInstanceOf(PresenceDecoding.Rejected.class);
        return ((PresenceDecoding.Rejected) decoding).rejection().reason();
    }
}
