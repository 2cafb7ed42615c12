package dev.aivoicebot.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: base64(HMAC-SHA1(authToken, url + sorted params as name+value)).
 *
 * <p>Twilio is inconsistent about explicit default ports, so, like its own SDKs, a signature is accepted
 * when it matches the URL with or without the port. Comparison is constant-time.
 */
public final class TwilioSignature {

    private final byte[] key;

    public TwilioSignature(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature Twilio sends for this URL and form parameters (names with several values keep their order). */
    public String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.forEach(v -> data.append(name).append(v)));
        return Base64.getEncoder().encodeToString(hmacSha1(data.toString()));
    }

    public boolean isValid(String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean withUrlAsIs = MessageDigest.isEqual(given, sign(url, params).getBytes(StandardCharsets.UTF_8));
        String alternate = togglePort(url);
        boolean withToggledPort = alternate != null
                && MessageDigest.isEqual(given, sign(alternate, params).getBytes(StandardCharsets.UTF_8));
        return withUrlAsIs | withToggledPort;
    }

    /** The same URL with its default port added when absent, or removed when present; null when it has none. */
    static String togglePort(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return null;
        }
        String defaultPort = switch (url.substring(0, schemeEnd).toLowerCase()) {
            case "https", "wss" -> "443";
            case "http", "ws" -> "80";
            default -> null;
        };
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        if (defaultPort == null || authority.isEmpty()) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > authority.lastIndexOf(']'); // an IPv6 literal has colons inside [...]
        if (!hasPort) {
            return url.substring(0, authorityEnd) + ":" + defaultPort + url.substring(authorityEnd);
        }
        if (!authority.substring(colon + 1).equals(defaultPort)) {
            return null;
        }
        return url.substring(0, authorityStart + colon) + url.substring(authorityEnd);
    }

    private byte[] hmacSha1(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }
}
