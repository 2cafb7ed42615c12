package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signer against twilio-java's RequestValidator, the reference implementation. */
class TwilioSignerTest {

    private static final String PUBLISHED_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String PUBLISHED_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static Map<String, String> publishedParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        params.put("From", "+14158675309");
        params.put("To", "+18005551212");
        return params;
    }

    @Test
    void publishedVectorHoldsForTheOracleAndForUs() {
        assertTrue(new RequestValidator("12345").validate(PUBLISHED_URL, publishedParams(), PUBLISHED_SIGNATURE));
        assertEquals(PUBLISHED_SIGNATURE, new TwilioSigner("12345").sign(PUBLISHED_URL, publishedParams()));
    }

    @Test
    void sortsParametersByNameWhateverTheirOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("To", "+18005551212");
        reversed.put("From", "+14158675309");
        reversed.put("Digits", "1234");
        reversed.put("Caller", "+14158675309");
        reversed.put("CallSid", "CA1234567890ABCDE");
        assertEquals(PUBLISHED_SIGNATURE, new TwilioSigner("12345").sign(PUBLISHED_URL, reversed));
    }

    @Test
    void voiceWebhookSignatureIsAcceptedByTheOracle() {
        String token = "a-test-auth-token";
        CallIdentity call = CallIdentity.random("AC" + "0".repeat(32));
        Map<String, String> params = VoiceWebhook.params(call);
        String url = "https://voice.example.test/voice";
        String signature = new TwilioSigner(token).sign(url, params);

        RequestValidator oracle = new RequestValidator(token);
        assertTrue(oracle.validate(url, params, signature));
        assertFalse(oracle.validate("https://other.example.test/voice", params, signature));
        assertFalse(new RequestValidator("another-token").validate(url, params, signature));
        Map<String, String> tampered = new LinkedHashMap<>(params);
        tampered.put("From", "+15550000000");
        assertFalse(oracle.validate(url, tampered, signature));
    }

    @Test
    void valuesNeedingEscapesAreSignedRaw() {
        Map<String, String> params = Map.of("Body", "héllo wörld & a+b=c", "Empty", "", "Zed", "%41");
        String url = "https://voice.example.test/voice";
        String signature = new TwilioSigner("tok").sign(url, params);
        assertTrue(new RequestValidator("tok").validate(url, params, signature));
    }

    @Test
    void streamUpgradeIsSignedOverTheWssUrlAlone() {
        String url = "wss://voice.example.test/voice/stream";
        String signature = new TwilioSigner("tok").sign(url);
        assertTrue(new RequestValidator("tok").validate(url, Map.of(), signature));
        assertEquals(signature, new TwilioSigner("tok").sign(url, Map.of()));
    }
}
