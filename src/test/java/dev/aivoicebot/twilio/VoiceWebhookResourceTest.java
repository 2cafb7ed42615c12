package dev.aivoicebot.twilio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.safety.CallSid;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Voice webhook as Twilio (and a stranger) sees it. The test profile sets an auth token. */
@QuarkusTest
class VoiceWebhookResourceTest {

    private static final String PUBLIC_URL = "https://voice.example.test/voice";
    private static final TwilioSignature TWILIO = new TwilioSignature("canary-twilio-token-5f0e2b7c");
    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
    private static final String FORM = "application/x-www-form-urlencoded";

    @TestHTTPResource("/voice")
    URL webhook;

    private static Map<String, String> form() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", CALL_SID);
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("From", "+15550100");
        form.put("To", "+15550199");
        form.put("CallStatus", "ringing");
        return form;
    }

    private static String sign(String url, Map<String, String> form) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((k, v) -> multi.put(k, List.of(v)));
        return TWILIO.sign(url, multi);
    }

    @Test
    void aSignedCallIsConnectedToTheMediaStreamOnThePublicOrigin() {
        given().formParams(form()).header("X-Twilio-Signature", sign(PUBLIC_URL, form()))
                .when().post("/voice")
                .then().statusCode(200)
                .contentType(startsWith("text/xml"))
                .body("Response.Connect.Stream.@url", equalTo("wss://voice.example.test/voice/stream"))
                .body("Response.Connect.Stream.Parameter.find { it.@name == 'CallSid' }.@value", equalTo(CALL_SID))
                .body("Response.Connect.Stream.Parameter.find { it.@name == 'From' }.@value", equalTo("+15550100"))
                .body("Response.Connect.Stream.Parameter.find { it.@name == 'To' }.@value", equalTo("+15550199"))
                .body(containsString("</Connect><Hangup/></Response>"));
    }

    @Test
    void aSignatureWithTheExplicitDefaultPortIsAcceptedToo() {
        given().formParams(form()).header("X-Twilio-Signature", sign("https://voice.example.test:443/voice", form()))
                .when().post("/voice").then().statusCode(200);
    }

    @Test
    void hostileHostHeadersDoNotMoveTheStream() {
        given().formParams(form()).header("X-Twilio-Signature", sign(PUBLIC_URL, form()))
                .header("Host", "evil.example.com").header("X-Forwarded-Host", "evil.example.com")
                .header("X-Forwarded-Proto", "http")
                .when().post("/voice")
                .then().statusCode(200)
                .body("Response.Connect.Stream.@url", equalTo("wss://voice.example.test/voice/stream"));
    }

    @Test
    void aBadOrMissingSignatureIsForbidden() {
        given().formParams(form()).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .when().post("/voice").then().statusCode(403).body(containsString("invalid Twilio signature"));
        given().formParams(form()).when().post("/voice").then().statusCode(403);
        Map<String, String> tampered = form();
        String signature = sign(PUBLIC_URL, tampered);
        tampered.put("To", "+19005550000");
        given().formParams(tampered).header("X-Twilio-Signature", signature)
                .when().post("/voice").then().statusCode(403);
        given().formParams(form()).header("X-Twilio-Signature", sign("https://evil.example.com/voice", form()))
                .when().post("/voice").then().statusCode(403);
    }

    @Test
    void aMalformedCallSidNeverReachesTheStream() {
        Map<String, String> form = form();
        form.put("CallSid", "CA../../etc/passwd");
        given().formParams(form).header("X-Twilio-Signature", sign(PUBLIC_URL, form))
                .when().post("/voice").then().statusCode(400).body(containsString("CallSid"));
    }

    @Test
    void theTwimlCarriesAStreamTokenBoundToTheCall() {
        String token = given().formParams(form()).header("X-Twilio-Signature", sign(PUBLIC_URL, form()))
                .when().post("/voice")
                .then().statusCode(200)
                .extract().xmlPath().getString("Response.Connect.Stream.Parameter.find { it.@name == 'streamToken' }.@value");
        StreamToken tokens = new StreamToken("canary-stream-secret-0c7d31aa9e".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long now = java.time.Instant.now().getEpochSecond();
        org.junit.jupiter.api.Assertions.assertEquals(StreamToken.Check.VALID, tokens.check(token, CALL_SID, now));
        org.junit.jupiter.api.Assertions.assertEquals(StreamToken.Check.INVALID,
                tokens.check(token, "CA" + "f".repeat(32), now), "bound to this CallSid only");
        org.junit.jupiter.api.Assertions.assertEquals(StreamToken.Check.EXPIRED, tokens.check(token, CALL_SID, now + 61));
    }

    @Test
    void anOversizedFormIs413() {
        Map<String, String> form = form();
        form.put("Body", "x".repeat(20_000));
        given().formParams(form).header("X-Twilio-Signature", sign(PUBLIC_URL, form))
                .when().post("/voice").then().statusCode(413);
    }

    @Test
    void aWrongContentTypeIs415AndAWrongMethodIs405() {
        given().contentType("application/json").body("{\"CallSid\":\"" + CALL_SID + "\"}")
                .when().post("/voice").then().statusCode(415);
        given().when().get("/voice").then().statusCode(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CallSid=%zz", "CallSid=%E0%A4%A", "%=x"})
    void aBodyWithBrokenPercentEncodingIs400AndLogsNoStackTrace(String body) throws Exception {
        ServiceLog log = ServiceLog.mark();

        HttpResponse<String> response = raw(webhook, body, FORM, "bm90IGEgc2lnbmF0dXJl");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("malformed request body\n", response.body());
        String logged = log.sinceMark();
        assertFalse(ServiceLog.hasStackTrace(logged), logged);
    }

    @Test
    void anUnsignedBodyIsRefusedBeforeItIsParsed() throws Exception {
        ServiceLog log = ServiceLog.mark();

        HttpResponse<String> response = raw(webhook, "CallSid=%zz", FORM, null);

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("invalid Twilio signature\n", response.body());
        assertFalse(ServiceLog.hasStackTrace(log.sinceMark()));
    }

    @Test
    void aFloodOfMalformedBodiesLeavesAtMostALineInTheLog() throws Exception {
        ServiceLog log = ServiceLog.mark();

        for (int i = 0; i < 30; i++) {
            assertEquals(400, raw(webhook, "CallSid=%zz", FORM, "bm90IGEgc2lnbmF0dXJl").statusCode());
            assertEquals(403, raw(webhook, "CallSid=" + CALL_SID, FORM, null).statusCode());
        }

        String logged = log.sinceMark();
        assertFalse(ServiceLog.hasStackTrace(logged), logged);
        assertTrue(logged.lines().filter(line -> line.contains("request body")).count() <= 1, logged);
        assertTrue(logged.lines().filter(line -> line.contains("X-Twilio-Signature")).count() <= 1, logged);
    }

    @Test
    void aSignedFormWithoutAContentTypeIs415() throws Exception {
        HttpResponse<String> response = raw(webhook, encode(form()), null, sign(PUBLIC_URL, form()));

        assertEquals(415, response.statusCode(), response.body());
    }

    @Test
    void aFormInAnUnknownCharsetIs415() throws Exception {
        ServiceLog log = ServiceLog.mark();

        HttpResponse<String> response = raw(webhook, encode(form()), FORM + "; charset=no-such-charset", sign(PUBLIC_URL, form()));

        assertEquals(415, response.statusCode(), response.body());
        assertFalse(ServiceLog.hasStackTrace(log.sinceMark()));
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The body exactly as given, and no Content-Type or signature unless given (rest-assured would add and encode). */
    static HttpResponse<String> raw(URL url, String body, String contentType, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.toURI()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
