package dev.aivoicebot.softphone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.safety.CallSid;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The softphone as a stranger sees it while it is on (tests run with the emulator, so it is on by default). */
@QuarkusTest
class SoftphoneEndpointsTest {

    private static final byte[] SECRET = "canary-stream-secret-0c7d31aa9e".getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoCredentials credentials;

    @Test
    void thePageAndItsFilesAreServedWithAStrictPolicy() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", startsWith("http"))
                .header("Location", containsString("/phone"));
        given().get("/phone").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("/phone/phone.js"));
        given().get("/phone/capture-worklet.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("registerProcessor('capture'"));
        given().get("/phone/application.properties").then().statusCode(404);
        given().get("/phone/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void aDemoCallGetsWhatTwilioWouldPlusATicketForTheStream() {
        JsonPath call = given().post("/phone/calls").then().statusCode(200)
                .body("callSid", matchesPattern("^CA[0-9a-f]{32}$"))
                .body("streamToken", startsWith("v1."))
                .body("streamUrl", startsWith("ws://localhost:" + base.getPort() + "/voice/stream?callSid="))
                .body("transcriptUrl", startsWith("/phone/calls/"))
                .extract().jsonPath();
        String query = call.getString("streamUrl").substring(call.getString("streamUrl").indexOf('?') + 1);

        assertEquals(101, StreamUpgrade.status(base, query), "the minted ticket opens the stream");
        assertEquals(403, StreamUpgrade.status(base, query), "a ticket opens the stream once");
    }

    @Test
    void noForgedExpiredMisplacedOrMissingTicketOpensTheStream() {
        CallSid callSid = new CallSid("CA" + "0123456789abcdef".repeat(2));
        String ticket = credentials.ticket(callSid);
        String expired = new DemoCredentials(SECRET, -5, 60, Clock.systemUTC()).ticket(callSid);
        String forged = new DemoCredentials("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8), 30, 60,
                Clock.systemUTC()).ticket(callSid);
        String streamToken = given().post("/phone/calls").then().extract().path("streamToken");
        String otherCall = "CA" + "fedcba9876543210".repeat(2);

        assertEquals(403, StreamUpgrade.status(base, null), "no ticket, no signature");
        assertEquals(403, StreamUpgrade.status(base, "callSid=" + callSid + "&ticket=" + expired), "expired");
        assertEquals(403, StreamUpgrade.status(base, "callSid=" + callSid + "&ticket=" + forged), "forged");
        assertEquals(403, StreamUpgrade.status(base, "callSid=" + otherCall + "&ticket=" + ticket), "other call");
        assertEquals(403, StreamUpgrade.status(base, "callSid=" + callSid + "&ticket=" + streamToken), "a stream token");
        assertEquals(403, StreamUpgrade.status(base, "callSid=" + callSid + "&ticket=" + ticket.substring(0, 20)));
        assertEquals(101, StreamUpgrade.status(base, "callSid=" + callSid + "&ticket=" + ticket), "the genuine one");
    }

    @Test
    void aTranscriptStreamsOnlyToTheHolderOfItsKeyAndOnlyForDemoCalls() {
        JsonPath call = given().post("/phone/calls").then().statusCode(200).extract().jsonPath();
        String path = call.getString("transcriptUrl").substring(0, call.getString("transcriptUrl").indexOf('?'));
        String other = given().post("/phone/calls").then().extract().path("transcriptUrl");

        given().get(path).then().statusCode(403).body("error", containsString("transcript key"));
        given().get(path + "?key=" + other.substring(other.indexOf("key=") + 4)).then().statusCode(403);
        given().get(path + "?key=v1.99999999999.forged").then().statusCode(403);

        CallSid phoneCall = new CallSid("CA" + "00112233445566778899aabbccddeeff");
        given().get("/phone/calls/" + phoneCall + "/transcript?key=" + credentials.transcriptKey(phoneCall))
                .then().statusCode(404).body("error", containsString("no live transcript"));
    }
}
