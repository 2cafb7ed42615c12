package dev.aivoicebot.softphone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.safety.CallSid;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the softphone off, nothing of it answers, and its ticket opens no stream. */
@QuarkusTest
@TestProfile(SoftphoneDisabledTest.Off.class)
class SoftphoneDisabledTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("softphone.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoCredentials credentials;

    @Test
    void everyEndpointIsNotFound() {
        given().redirects().follow(false).get("/").then().statusCode(404);
        given().get("/phone").then().statusCode(404);
        given().get("/phone/phone.js").then().statusCode(404);
        given().post("/phone/calls").then().statusCode(404);
        CallSid callSid = new CallSid("CA" + "0123456789abcdef".repeat(2));
        given().get("/phone/calls/" + callSid + "/transcript?key=" + credentials.transcriptKey(callSid))
                .then().statusCode(404);
    }

    @Test
    void aGenuineTicketDoesNotOpenTheStream() {
        CallSid callSid = new CallSid("CA" + "0123456789abcdef".repeat(2));
        assertEquals(403, StreamUpgrade.status(base, "callSid=" + callSid + "&ticket=" + credentials.ticket(callSid)));
    }
}
