package dev.aivoicebot.safety;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Voice-Bot-Signature} of a request we send a business (an HTTP tool call, a call event), so it can
 * tell our requests from anyone else's: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}.
 * The time is signed with the body, so a recorded request cannot be replayed later than the receiver's window
 * allows. One recipe for every request, so the business verifies all of them with one function (docs/tools.md).
 */
public final class RequestSignature {

    public static final String HEADER = "X-Voice-Bot-Signature";

    private RequestSignature() {
    }

    public static String header(String secret, long unixSeconds, byte[] body) {
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
