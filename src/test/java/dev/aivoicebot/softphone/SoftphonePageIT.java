package dev.aivoicebot.softphone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.PackagedAppConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The softphone from the packaged application (the jar, or the native binary with -Dnative): its files are
 * served (they must be in the binary), a demo call is minted, and its ticket opens the stream exactly once.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppConfig.class)
class SoftphonePageIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void thePageItsScriptsAndWorkletsAreServed() {
        given().get("/phone").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/phone/phone.js"));
        for (String file : new String[] {"phone.js", "phone.css", "capture-worklet.js", "playback-worklet.js"}) {
            given().get("/phone/" + file).then().statusCode(200);
        }
    }

    @Test
    void aDemoCallsTicketOpensTheStreamOnce() {
        String streamUrl = given().post("/phone/calls").then().statusCode(200)
                .body("callSid", matchesPattern("^CA[0-9a-f]{32}$")).extract().path("streamUrl");
        String query = streamUrl.substring(streamUrl.indexOf('?') + 1);
        assertEquals(101, StreamUpgrade.status(base, query));
        assertEquals(403, StreamUpgrade.status(base, query));
    }
}
