package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.ServiceLog;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a caller gets back on success: the right type and name per format, every byte, and early. */
@QuarkusTest
@WithTestResource(FakeSpeechServerResource.class)
class GenerateVoiceStreamingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @TestHTTPResource("/generate-voice")
    URL endpoint;

    @ParameterizedTest
    @CsvSource({"mp3, audio/mpeg", "opus, audio/ogg", "aac, audio/aac", "flac, audio/flac", "wav, audio/wav",
            "pcm, audio/L16;rate=24000"})
    void eachFormatComesWithItsContentTypeAndFileName(String format, String contentType) {
        fake.reset(FakeSpeechScript.audio(3, 1000, Duration.ZERO));

        byte[] audio = given().contentType(ContentType.JSON).body("{\"text\":\"Hello\",\"format\":\"" + format + "\"}")
                .when().post("/generate-voice")
                .then().statusCode(200)
                .header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"speech." + format + "\"")
                .extract().asByteArray();

        assertArrayEquals(FakeSpeechScript.audioBytes(0, 3000), audio);
        assertEquals(format, fake.received().get(0).json().get("response_format").textValue());
    }

    @Test
    void sendsOpenAiExactlyTheSchemaValidRequestWithDefaults() throws Exception {
        fake.reset(FakeSpeechScript.audio(1, 10, Duration.ZERO));

        given().contentType(ContentType.JSON).body("{\"text\":\"  Hello there  \"}")
                .when().post("/generate-voice").then().statusCode(200).header("Content-Type", "audio/mpeg");

        FakeSpeechServer.Received received = fake.received().get(0);
        assertEquals(Set.of(), received.schemaErrors());
        assertEquals("Bearer " + FakeSpeechServerResource.CANARY_KEY, received.authorization());
        assertTrue(received.contentType().startsWith("application/json"), received.contentType());
        assertEquals(JSON.readTree("{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hello there\",\"voice\":\"coral\","
                + "\"response_format\":\"mp3\"}"), received.json());
    }

    @Test
    void passesVoiceInstructionsAndSpeedThrough() throws Exception {
        fake.reset(FakeSpeechScript.audio(1, 10, Duration.ZERO));

        given().contentType(ContentType.JSON)
                .body("{\"text\":\"Hi\",\"voice\":\"verse\",\"format\":\"wav\",\"instructions\":\"Whisper.\",\"speed\":1.5}")
                .when().post("/generate-voice").then().statusCode(200);

        FakeSpeechServer.Received received = fake.received().get(0);
        assertEquals(Set.of(), received.schemaErrors());
        assertEquals(JSON.readTree("{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hi\",\"voice\":\"verse\","
                + "\"instructions\":\"Whisper.\",\"response_format\":\"wav\",\"speed\":1.5}"), received.json());
    }

    @Test
    void acceptsExactly4096CharactersAfterTrimming() {
        fake.reset(FakeSpeechScript.audio(1, 10, Duration.ZERO));
        String text = "é".repeat(4095) + "😀"; // 4096 characters, one of them outside the BMP

        given().contentType(ContentType.JSON).body("{\"text\":\"  " + text + "\\n\"}")
                .when().post("/generate-voice").then().statusCode(200);

        assertEquals(text, fake.received().get(0).json().get("input").textValue());
        assertEquals(Set.of(), fake.received().get(0).schemaErrors());
    }

    @Test
    void firstBytesReachTheCallerBeforeOpenAiHasFinished() throws Exception {
        fake.reset(FakeSpeechScript.audio(5, 1000, Duration.ofMillis(400)));

        HttpURLConnection connection = post(endpoint, "{\"text\":\"Take your time\"}");
        assertEquals(200, connection.getResponseCode());
        try (InputStream audio = connection.getInputStream()) {
            byte[] first = audio.readNBytes(1000);
            assertEquals(0, fake.streamsCompleted(), "the first chunk must arrive while OpenAI is still sending");
            assertTrue(fake.audioBytesWritten() < 5000);
            byte[] rest = audio.readAllBytes();
            assertArrayEquals(FakeSpeechScript.audioBytes(0, 1000), first);
            assertArrayEquals(FakeSpeechScript.audioBytes(1000, 4000), rest);
        }
        assertEquals(1, fake.streamsCompleted());
    }

    @Test
    void aCallerWhoHangsUpStopsTheDownloadFromOpenAi() throws Exception {
        fake.reset(FakeSpeechScript.audio(20, 1000, Duration.ofMillis(250))); // 5 s to send in full
        ServiceLog log = ServiceLog.mark();

        try (Socket caller = new Socket(endpoint.getHost(), endpoint.getPort())) {
            caller.setSoTimeout(10_000);
            byte[] body = "{\"text\":\"Read me a long story\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = caller.getOutputStream();
            out.write(("POST /generate-voice HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String head = readHead(caller.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertEquals(1000, caller.getInputStream().readNBytes(1000).length, "the first audio arrived");
        } // hangs up with the rest of the story unread

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (fake.streamsAborted() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, fake.streamsAborted(), "OpenAI's side was still being downloaded 2 s after the caller left");
        assertEquals(0, fake.streamsCompleted());
        assertTrue(fake.audioBytesWritten() < 20 * 1000, "bytes sent: " + fake.audioBytesWritten());
        String logged = log.sinceMark();
        assertFalse(ServiceLog.hasStackTrace(logged), logged);
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b != -1, "connection closed in the headers: " + head);
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    static HttpURLConnection post(URL url, String json) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setReadTimeout(10_000);
        connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        return connection;
    }
}
