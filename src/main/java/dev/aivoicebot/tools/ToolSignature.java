package dev.aivoicebot.tools;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Voice-Bot-Signature} of an HTTP tool request, so the business can tell our requests from anyone
 * else's: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(TOOLS_SIGNING_SECRET, "<t>.<raw body>")>}. The time is
 * signed with the body, so a recorded request cannot be replayed later than the receiver's window allows.
 */
final class ToolSignature {

    private ToolSignature() {
    }

    static String header(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
