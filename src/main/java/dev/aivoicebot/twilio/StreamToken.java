package dev.aivoicebot.twilio;

import dev.aivoicebot.safety.CallSid;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived token binding a Media Stream to the call whose webhook we answered:
 * {@code v1.<expiry epoch seconds>.<base64url HMAC-SHA256(secret, "v1|" + callSid + "|" + expiry)>}.
 *
 * <p>The stream URL is the same for every call, so its signature proves only that Twilio opened it; the token
 * proves which call it belongs to. It is stateless, so any replica holding the secret can verify it.
 */
public final class StreamToken {

    /** The outcome of checking a token presented on {@code start}. */
    public enum Check { VALID, EXPIRED, INVALID }

    private static final String VERSION = "v1";
    private final byte[] secret;

    public StreamToken(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("stream token secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    public String mint(CallSid callSid, long expiresAtEpochSecond) {
        return VERSION + "." + expiresAtEpochSecond + "." + mac(callSid.value(), expiresAtEpochSecond);
    }

    public Check check(String token, String callSid, long nowEpochSecond) {
        if (token == null || callSid == null || token.length() > 128) {
            return Check.INVALID;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Check.INVALID;
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        byte[] expected = mac(callSid, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return nowEpochSecond > expiry ? Check.EXPIRED : Check.VALID;
    }

    private String mac(String callSid, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((VERSION + "|" + callSid + "|" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
