package org.wardwatch.functions.core;

import java.time.ZoneId;

/**
 * The words of a NEWS2 alert (functions/README.md, "NEWS2"): a text message such as
 * {@code [wardwatch] CRITICAL NEWS2 8 | W5 bed 2 | RR 2 SpO2 2 HR 2 SBP 2 | opened 10:20 GMT | #K7Q2XM4} (at most
 * {@value AlertTexts#SMS_LIMIT} characters), an e-mail subject, and an e-mail listing each parameter's value,
 * sub-score, source and time, what is missing, and the RCP's response for the band. No patient name or reference.
 */
public final class News2Texts {

    private News2Texts() {
    }

    public static String sms(News2Notification n, ZoneId zone) {
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }

    public static String emailSubject(News2Notification n) {
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }

    public static String emailBody(News2Notification n, ZoneId zone) {
        throw new UnsupportedOperationException("contract: implemented in issue 14");
    }
}
