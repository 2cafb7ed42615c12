package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import dev.aivoicebot.safety.CallSid;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signature check against Twilio's own RequestValidator, used as an oracle, and its published vector. */
class TwilioSignatureTest {

    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");
    /** From twilio-java's RequestValidatorTest. */
    private static final String PUBLISHED_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioSignature signature = new TwilioSignature(TOKEN);
    private final RequestValidator oracle = new RequestValidator(TOKEN);

    @Test
    void publishedVectorValidates() {
        assertEquals(PUBLISHED_SIGNATURE, signature.sign(URL, multi(PARAMS)));
        assertTrue(signature.isValid(URL, multi(PARAMS), PUBLISHED_SIGNATURE));
        assertTrue(oracle.validate(URL, PARAMS, PUBLISHED_SIGNATURE), "oracle agrees on the vector");
    }

    @Test
    void agreesWithTheOracleOnVariedInput() {
        Map<String, String> params = new HashMap<>();
        params.put("CallSid", "CA" + "0123456789abcdef".repeat(2));
        params.put("From", "+1 (415) 555-0100");
        params.put("To", "+44 20 7946 0000");
        params.put("Body", "héllo & <goodbye> = ünïcode ✓");
        params.put("a", "");
        for (String url : List.of("https://voice.example.com/voice", "https://voice.example.com:443/voice?x=1&y=%20z",
                "http://localhost:3000/voice")) {
            String ours = signature.sign(url, multi(params));
            assertTrue(oracle.validate(url, params, ours), url);
            assertTrue(signature.isValid(url, multi(params), ours));
        }
    }

    @Test
    void acceptsTheUrlWithOrWithoutTheDefaultPortLikeTheSdks() {
        String withPort = "https://voice.example.com:443/voice";
        String withoutPort = "https://voice.example.com/voice";
        String signedWithPort = signature.sign(withPort, multi(PARAMS));
        String signedWithout = signature.sign(withoutPort, multi(PARAMS));
        assertTrue(signature.isValid(withoutPort, multi(PARAMS), signedWithPort));
        assertTrue(signature.isValid(withPort, multi(PARAMS), signedWithout));
        assertTrue(oracle.validate(withoutPort, PARAMS, signedWithPort), "the oracle does the same");
    }

    @Test
    void rejectsTamperingAndMissingSignatures() {
        Map<String, String> tampered = new HashMap<>(PARAMS);
        tampered.put("To", "+19005550000");
        assertFalse(signature.isValid(URL, multi(tampered), PUBLISHED_SIGNATURE));
        assertFalse(signature.isValid("https://evil.example.com/myapp.php?foo=1&bar=2", multi(PARAMS),
                PUBLISHED_SIGNATURE));
        assertFalse(signature.isValid(URL, multi(PARAMS), null));
        assertFalse(signature.isValid(URL, multi(PARAMS), ""));
        assertFalse(new TwilioSignature("other-token").isValid(URL, multi(PARAMS), PUBLISHED_SIGNATURE));
    }

    @Test
    void togglesOnlyDefaultPorts() {
        assertEquals("https://a.example:443/x?q=1", TwilioSignature.togglePort("https://a.example/x?q=1"));
        assertEquals("https://a.example/x", TwilioSignature.togglePort("https://a.example:443/x"));
        assertEquals("wss://a.example:443/voice/stream", TwilioSignature.togglePort("wss://a.example/voice/stream"));
        assertEquals("http://[::1]:80/", TwilioSignature.togglePort("http://[::1]/"));
        assertNull(TwilioSignature.togglePort("https://a.example:8443/x"));
        assertNull(TwilioSignature.togglePort("not a url"));
    }

    private static Map<String, List<String>> multi(Map<String, String> single) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        single.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }
}
