package dev.aivoicebot.call;

/**
 * Checks that a payload is plain standard base64 and tells how many bytes it carries, without decoding it:
 * audio passes through untouched, and this is the only look at it on the hot path.
 */
public final class Base64Audio {

    private Base64Audio() {
    }

    /** Decoded length of {@code payload}, or -1 when it is not well-formed standard base64. */
    public static int decodedLength(String payload) {
        int length = payload == null ? -1 : payload.length();
        if (length <= 0 || length % 4 != 0) {
            return -1;
        }
        int padding = 0;
        for (int i = 0; i < length; i++) {
            char c = payload.charAt(i);
            if (c == '=') {
                if (i < length - 2) {
                    return -1;
                }
                padding++;
            } else if (padding > 0 || !isBase64Char(c)) {
                return -1;
            }
        }
        return length / 4 * 3 - padding;
    }

    private static boolean isBase64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
