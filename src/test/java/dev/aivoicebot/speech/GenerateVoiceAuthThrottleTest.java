package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client guessing keys gets a few tries, then 429 until its budget of failures refills, whatever it sends: were
 * the right key still let through, the 429s would only slow the guessing down, not stop it telling a hit.
 */
@QuarkusTest
@WithTestResource(value = FakeSpeechServerResource.class, initArgs = {
        @ResourceArg(name = "speech.api-key", value = GenerateVoiceAuthThrottleTest.ENDPOINT_KEY),
        @ResourceArg(name = "speech.rate-limit.enabled", value = "true"),
        @ResourceArg(name = "speech.rate-limit.requests", value = "100"),
        @ResourceArg(name = "speech.rate-limit.auth-failures", value = "3"),
        @ResourceArg(name = "speech.rate-limit.period", value = "1h")})
class GenerateVoiceAuthThrottleTest {

    static final String ENDPOINT_KEY = "endpoint-key-9c2e";

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @Test
    void wrongKeysPastTheBudgetAre429WithRetryAfterEvenForTheRightKey() {
        for (int i = 0; i < 3; i++) {
            generate("Bearer wrong-key-" + i).statusCode(401).body("error.code", equalTo("unauthorized"));
        }

        String retryAfter = generate("Bearer wrong-key-3").statusCode(429)
                .body("error.code", equalTo("rate_limited"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 1000 && seconds <= 1200, retryAfter); // a third of an hour for three failures
        generate(null).statusCode(429).body("error.code", equalTo("rate_limited"));
        generate("Bearer " + ENDPOINT_KEY).statusCode(429).body("error.code", equalTo("rate_limited"));

        assertEquals(List.of(), fake.received());
    }

    private static ValidatableResponse generate(String authorization) {
        var request = given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/generate-voice").then().contentType(ContentType.JSON);
    }
}
