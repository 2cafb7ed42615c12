package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.call.Base64Audio;
import dev.aivoicebot.safety.CallSid;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CallSidAndBase64Test {

    @Test
    void onlyRealCallSidsAreAccepted() {
        assertTrue(CallSid.isValid("CA0123456789abcdef0123456789ABCDEF"));
        assertFalse(CallSid.isValid(null));
        assertFalse(CallSid.isValid("CA0123456789abcdef0123456789abcde"), "31 hex digits");
        assertFalse(CallSid.isValid("CA0123456789abcdef0123456789abcdef0"), "33 hex digits");
        assertFalse(CallSid.isValid("MZ0123456789abcdef0123456789abcdef"));
        assertFalse(CallSid.isValid("CA../../../../etc/passwd0123456789"));
        assertFalse(CallSid.isValid("CA0123456789abcdef0123456789abcdeg"));
        assertFalse(CallSid.isValid("CA0123456789abcdef0123456789abcdef\n"));
        assertThrows(IllegalArgumentException.class, () -> new CallSid("CA/x"));
    }

    @Test
    void base64LengthMatchesTheDecoderWithoutDecoding() {
        for (int n = 1; n <= 200; n++) {
            byte[] bytes = new byte[n];
            String encoded = Base64.getEncoder().encodeToString(bytes);
            assertEquals(n, Base64Audio.decodedLength(encoded), encoded);
        }
    }

    @Test
    void rejectsAnythingThatIsNotPlainBase64() {
        assertEquals(-1, Base64Audio.decodedLength(null));
        assertEquals(-1, Base64Audio.decodedLength(""));
        assertEquals(-1, Base64Audio.decodedLength("abc"));
        assertEquals(-1, Base64Audio.decodedLength("ab\"}"));
        assertEquals(-1, Base64Audio.decodedLength("a=bc"));
        assertEquals(-1, Base64Audio.decodedLength("ab-_"), "URL-safe alphabet is not what Twilio sends");
        assertEquals(-1, Base64Audio.decodedLength("===="));
    }
}
