package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenAI's failures, as our callers see them: mapped statuses, safe messages, never the key. */
@QuarkusTest
@WithTestResource(FakeSpeechServerResource.class)
class GenerateVoiceUpstreamFailureTest {

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @TestHTTPResource("/generate-voice")
    URL endpoint;

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void aRejectedKeyIs502WithoutTheKeyOrOpenAisMessage(int status) {
        fake.reset(FakeSpeechScript.error(status,
                "Incorrect API key provided: " + FakeSpeechServerResource.CANARY_KEY, Map.of()));

        generate().statusCode(502)
                .body("error.code", equalTo("upstream_auth"))
                .body("error.message", equalTo("speech service rejected the API key"))
                .body(not(containsString("sk-test")));
    }

    @Test
    void aRateLimitIs429WithOpenAisRetryAfterAndMessage() {
        fake.reset(FakeSpeechScript.error(429, "Rate limit reached for requests", Map.of("Retry-After", "7")));

        generate().statusCode(429).header("Retry-After", "7")
                .body("error.code", equalTo("upstream_rate_limited"))
                .body("error.message", containsString("Rate limit reached for requests"));
    }

    @Test
    void aRateLimitWithoutRetryAfterStillTellsTheCallerWhenToRetry() {
        fake.reset(FakeSpeechScript.error(429, "You exceeded your current quota", Map.of()));

        generate().statusCode(429).header("Retry-After", String.valueOf(UpstreamFailures.DEFAULT_RETRY_AFTER_SECONDS));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void aServerErrorIs502WithOpenAisMessage(int status) {
        fake.reset(FakeSpeechScript.error(status, "The server had an error processing your request", Map.of()));

        generate().statusCode(502)
                .body("error.code", equalTo("upstream_error"))
                .body("error.message", containsString("HTTP " + status))
                .body("error.message", containsString("The server had an error"));
    }

    @Test
    void aMessageQuotingAKeyIsScrubbed() {
        fake.reset(FakeSpeechScript.error(400, "Bad thing near " + FakeSpeechServerResource.CANARY_KEY, Map.of()));

        generate().statusCode(502)
                .body("error.code", equalTo("upstream_rejected"))
                .body("error.message", containsString("Bad thing near sk-***"))
                .body(not(containsString("canary")));
    }

    @Test
    void anEmptyAnswerIs502() {
        fake.reset(FakeSpeechScript.audio(0, 0, Duration.ZERO));

        generate().statusCode(502).body("error.code", equalTo("upstream_error"))
                .body("error.message", equalTo("speech service returned no audio"));
    }

    @Test
    void aHangingUpstreamIs504() {
        fake.reset(FakeSpeechScript.hang());

        generate().statusCode(504).body("error.code", equalTo("upstream_timeout"));
    }

    @Test
    void anUpstreamSilentAfterItsHeadersIs504() {
        fake.reset(FakeSpeechScript.stallAfterHeaders());

        generate().statusCode(504).body("error.code", equalTo("upstream_timeout"));
    }

    @Test
    void aTransferCutMidStreamBreaksTheCallersTransferToo() throws Exception {
        fake.reset(FakeSpeechScript.cutAfter(4, 8192, Duration.ofMillis(100)));

        HttpURLConnection connection = GenerateVoiceStreamingTest.post(endpoint, "{\"text\":\"Hello\"}");
        assertEquals(200, connection.getResponseCode());
        try (InputStream audio = connection.getInputStream()) {
            // A clean end here would pass a truncated file off as complete.
            IOException broken = assertThrows(IOException.class, audio::readAllBytes);
            assertTrue(broken.getMessage() != null, broken.toString());
        }
    }

    private static ValidatableResponse generate() {
        return given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}")
                .when().post("/generate-voice")
                .then().contentType(ContentType.JSON);
    }
}
