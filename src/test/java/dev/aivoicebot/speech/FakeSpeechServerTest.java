package dev.aivoicebot.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake must be strict, or the tests that trust it prove nothing: it refuses what OpenAI would refuse. */
class FakeSpeechServerTest {

    private static final String KEY = "sk-test-fake";
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeSpeechServer fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSpeechServer(KEY);
        fake.reset(FakeSpeechScript.audio(2, 100, Duration.ZERO));
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void answersAValidRequestWithAudio() throws Exception {
        HttpResponse<byte[]> response = post("Bearer " + KEY, "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hi\",\"voice\":\"coral\"}");
        assertEquals(200, response.statusCode());
        assertEquals(200, response.body().length);
        assertTrue(fake.received().get(0).schemaErrors().isEmpty());
    }

    @Test
    void refusesBodiesTheSchemaForbids() throws Exception {
        for (String body : new String[] {
                "{\"input\":\"Hi\",\"voice\":\"coral\"}",
                "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hi\",\"voice\":\"coral\",\"speed\":4.5}",
                "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hi\",\"voice\":\"coral\",\"response_format\":\"ogg\"}",
                "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hi\",\"voice\":\"coral\",\"format\":\"mp3\"}",
                "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"" + "a".repeat(4097) + "\",\"voice\":\"coral\"}"}) {
            fake.reset(FakeSpeechScript.audio(1, 1, Duration.ZERO));
            assertEquals(400, post("Bearer " + KEY, body).statusCode(), body);
            assertFalse(fake.received().get(0).schemaErrors().isEmpty(), body);
        }
    }

    @Test
    void refusesAWrongKey() throws Exception {
        assertEquals(401, post("Bearer sk-wrong", "{\"model\":\"tts-1\",\"input\":\"Hi\",\"voice\":\"coral\"}").statusCode());
    }

    private HttpResponse<byte[]> post(String authorization, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/audio/speech"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
