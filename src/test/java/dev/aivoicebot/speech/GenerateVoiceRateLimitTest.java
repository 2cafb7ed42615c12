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
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client over its budget gets 429 with Retry-After, and its extra requests cost nothing upstream. */
@QuarkusTest
@WithTestResource(value = FakeSpeechServerResource.class, initArgs = {
        @ResourceArg(name = "speech.rate-limit.enabled", value = "true"),
        @ResourceArg(name = "speech.rate-limit.requests", value = "2"),
        @ResourceArg(name = "speech.rate-limit.period", value = "1h")})
class GenerateVoiceRateLimitTest {

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @Test
    void theRequestOverBudgetIs429WithRetryAfter() {
        fake.reset(FakeSpeechScript.audio(1, 100, Duration.ZERO));

        generate().statusCode(200);
        generate().statusCode(200);
        String retryAfter = generate().statusCode(429).contentType(ContentType.JSON)
                .body("error.code", equalTo("rate_limited"))
                .extract().header("Retry-After");

        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 1500 && seconds <= 1800, retryAfter); // half of an hour for two requests
        assertEquals(2, fake.received().size());
    }

    private static ValidatableResponse generate() {
        return given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}").when().post("/generate-voice").then();
    }
}
