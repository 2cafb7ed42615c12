package dev.aivoicebot.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code X-Twilio-Signature} the way Twilio does, so the simulator's requests are
 * indistinguishable from Twilio's: HMAC-SHA1 keyed with the auth token over the URL Twilio requested
 * followed by every POST parameter as name then value, sorted by name; standard base64.
 */
public final class TwilioSigner {

    private final SecretKeySpec key;

    public TwilioSigner(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /** Signature of a form POST to {@code url} carrying {@code params}. */
    public String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        // TreeMap orders by String.compareTo, i.e. by UTF-16 code unit, which is Twilio's byte order for ASCII names.
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return hmacBase64(data.toString());
    }

    /** Signature of a request without POST parameters, e.g. the Media Stream WebSocket upgrade. */
    public String sign(String url) {
        return hmacBase64(url);
    }

    private String hmacBase64(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            byte[] digest = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }
}
