package dev.aivoicebot.sim;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The identifiers Twilio assigns to one call and its media stream, and the two phone numbers. */
public record CallIdentity(String accountSid, String callSid, String streamSid, String from, String to) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh call from a fixed test caller to a fixed test number, on {@code accountSid}. */
    public static CallIdentity random(String accountSid) {
        return new CallIdentity(accountSid, randomSid("CA"), randomSid("MZ"), "+15005550006", "+15005550001");
    }

    /** A Twilio-shaped SID: two-letter type prefix and 32 lowercase hex digits. */
    public static String randomSid(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public CallIdentity withFrom(String newFrom) {
        return new CallIdentity(accountSid, callSid, streamSid, newFrom, to);
    }

    public CallIdentity withTo(String newTo) {
        return new CallIdentity(accountSid, callSid, streamSid, from, newTo);
    }
}
