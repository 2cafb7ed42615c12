package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ServiceLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a clear JSON error naming the field, and OpenAI is never called for it. */
@QuarkusTest
@WithTestResource(FakeSpeechServerResource.class)
class GenerateVoiceValidationTest {

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @TestHTTPResource("/generate-voice")
    URL endpoint;

    @BeforeEach
    void reset() {
        fake.reset(FakeSpeechScript.audio(1, 10, Duration.ZERO));
    }

    @AfterEach
    void openAiWasNotCalled() {
        assertEquals(List.of(), fake.received());
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {"text": "unclosed"                      | 400 | invalid_json    | -
            {"text": "a"} trailing                   | 400 | invalid_json    | -
            {"text": "a", "text": "b"}               | 400 | invalid_json    | -
            ["text"]                                 | 400 | invalid_request | -
            {}                                       | 400 | invalid_request | text
            {"text": null}                           | 400 | invalid_request | text
            {"text": ""}                             | 400 | invalid_request | text
            {"text": " \\n\\t "}                     | 400 | invalid_request | text
            {"text": 42}                             | 400 | invalid_request | text
            {"text": ["Hi"]}                         | 400 | invalid_request | text
            {"text": "Hi", "voice": "darth"}         | 400 | invalid_request | voice
            {"text": "Hi", "voice": 3}               | 400 | invalid_request | voice
            {"text": "Hi", "format": "ogg"}          | 400 | invalid_request | format
            {"text": "Hi", "format": true}           | 400 | invalid_request | format
            {"text": "Hi", "speed": 0.2}             | 400 | invalid_request | speed
            {"text": "Hi", "speed": 4.01}            | 400 | invalid_request | speed
            {"text": "Hi", "speed": "1.0"}           | 400 | invalid_request | speed
            {"text": "Hi", "instructions": {}}       | 400 | invalid_request | instructions
            {"text": "Hi", "model": "tts-1"}         | 400 | invalid_request | model
            """)
    void refusesBadInput(String body, int status, String code, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/generate-voice")
                .then().statusCode(status).contentType(ContentType.JSON)
                .body("error.code", equalTo(code))
                .body("error.field", field == null ? nullValue() : equalTo(field))
                .body("error", aMapWithSize(field == null ? 2 : 3));
    }

    @Test
    void refusesAnEmptyBody() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/generate-voice")
                .then().statusCode(400).body("error.code", equalTo("invalid_json"));
    }

    @Test
    void refusesTextOverTheLimitWith413() {
        given().contentType(ContentType.JSON).body("{\"text\":\"" + "a".repeat(4097) + "\"}")
                .when().post("/generate-voice")
                .then().statusCode(413)
                .body("error.code", equalTo("text_too_long"))
                .body("error.field", equalTo("text"))
                .body("error.message", containsString("4096"));
    }

    @Test
    void refusesInstructionsOverTheLimit() {
        given().contentType(ContentType.JSON).body("{\"text\":\"Hi\",\"instructions\":\"" + "a".repeat(4097) + "\"}")
                .when().post("/generate-voice")
                .then().statusCode(400).body("error.field", equalTo("instructions"));
    }

    @Test
    void refusesAnOversizedBodyWithoutReadingItAll() {
        given().contentType(ContentType.JSON).body("{\"text\":\"" + " ".repeat(300_000) + "Hi\"}")
                .when().post("/generate-voice")
                .then().statusCode(413).body("error.code", equalTo("request_too_large"));
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/xml", "audio/mpeg"})
    void refusesOtherContentTypesWith415(String contentType) throws Exception {
        HttpResponse<String> response = post(HttpRequest.newBuilder(endpoint.toURI()).header("Content-Type", contentType));

        assertEquals(415, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"code\":\"unsupported_media_type\""), response.body());
        assertTrue(response.body().contains("Content-Type: application/json"), response.body());
    }

    @Test
    void refusesAMissingContentTypeWith415() throws Exception {
        // The JDK client, unlike rest-assured, sends no Content-Type unless told to.
        HttpResponse<String> response = post(HttpRequest.newBuilder(endpoint.toURI()));

        assertEquals(415, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"unsupported_media_type\""), response.body());
    }

    @Test
    void acceptsAJsonContentTypeWithCharset() {
        given().contentType("application/json; charset=UTF-8").body("{\"text\":\"\"}")
                .when().post("/generate-voice")
                .then().statusCode(400).body("error.field", equalTo("text"));
    }

    @Test
    void undecodableBodiesAreJsonErrorsAndLogNoStackTrace() throws Exception {
        ServiceLog log = ServiceLog.mark();

        for (byte[] body : List.of("text=%zz".getBytes(StandardCharsets.US_ASCII), "%E0%A4%A".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xff, (byte) 0xfe, '{'})) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.toURI())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"code\":\"invalid_json\""), response.body());
        }

        String logged = log.sinceMark();
        assertFalse(ServiceLog.hasStackTrace(logged), logged);
    }

    private static HttpResponse<String> post(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
