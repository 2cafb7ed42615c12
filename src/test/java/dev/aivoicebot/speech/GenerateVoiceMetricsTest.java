package dev.aivoicebot.speech;

import static io.restassured.RestAssured.given;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ManagementInterface;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Outcomes and latencies show up in /q/metrics, where an operator would look. */
@QuarkusTest
@WithTestResource(FakeSpeechServerResource.class)
class GenerateVoiceMetricsTest {

    @InjectFakeSpeechServer
    FakeSpeechServer fake;

    @TestHTTPResource("/generate-voice")
    URL endpoint;

    @Test
    void countsOutcomesAndTimesFirstByteAndTotal() {
        double okBefore = sample(metrics(), "speech_requests_total", "outcome=\"ok\"");
        double invalidBefore = sample(metrics(), "speech_requests_total", "outcome=\"invalid_request\"");
        double firstBytesBefore = sample(metrics(), "speech_latency_first_byte_seconds_count", "");
        fake.reset(FakeSpeechScript.audio(2, 100, Duration.ofMillis(50)));

        given().contentType(ContentType.JSON).body("{\"text\":\"Hello\"}").post("/generate-voice").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"text\":\"\"}").post("/generate-voice").then().statusCode(400);

        String metrics = metrics();
        assertTrue(sample(metrics, "speech_requests_total", "outcome=\"ok\"") >= okBefore + 1, metrics);
        assertTrue(sample(metrics, "speech_requests_total", "outcome=\"invalid_request\"") >= invalidBefore + 1);
        assertTrue(sample(metrics, "speech_latency_first_byte_seconds_count", "") >= firstBytesBefore + 1);
        assertTrue(sample(metrics, "speech_latency_total_seconds_count", "outcome=\"ok\"") >= 1);
        assertTrue(sample(metrics, "speech_latency_total_seconds_sum", "outcome=\"ok\"") > 0.04, "took at least one chunk delay");
        // Every outcome is there from the start, so a dashboard sees zeros rather than gaps.
        assertTrue(metrics.contains("speech_requests_total{outcome=\"upstream_timeout\"}"), metrics);
    }

    @Test
    void aCallerWhoHangsUpMidStreamIsCountedAsAborted() throws Exception {
        double abortedBefore = sample(metrics(), "speech_requests_total", "outcome=\"stream_aborted\"");
        fake.reset(FakeSpeechScript.audio(40, 64 * 1024, Duration.ofMillis(50)));

        HttpURLConnection connection = GenerateVoiceStreamingTest.post(endpoint, "{\"text\":\"Hello\"}");
        try (InputStream audio = connection.getInputStream()) {
            audio.readNBytes(1000);
        }
        connection.disconnect();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sample(metrics(), "speech_requests_total", "outcome=\"stream_aborted\"") < abortedBefore + 1) {
            assertTrue(System.nanoTime() < deadline, "the aborted stream was never counted");
            Thread.sleep(100);
        }
    }

    @Test
    void aCallerWhoHangsUpWhileOpenAiIsSilentIsLetGoAtOnce() throws Exception {
        double abortedBefore = sample(metrics(), "speech_requests_total", "outcome=\"stream_aborted\"");
        fake.reset(FakeSpeechScript.audio(2, 1000, Duration.ofMillis(2500))); // one chunk, then 2.5 s of silence

        HttpURLConnection connection = GenerateVoiceStreamingTest.post(endpoint, "{\"text\":\"Hello\"}");
        try (InputStream audio = connection.getInputStream()) {
            audio.readNBytes(1000);
        }
        connection.disconnect();

        // Waiting for the next chunk to find the caller gone would take until 2.5 s.
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (sample(metrics(), "speech_requests_total", "outcome=\"stream_aborted\"") < abortedBefore + 1) {
            assertTrue(System.nanoTime() < deadline, "the relay was still waiting on OpenAI after the caller hung up");
            Thread.sleep(50);
        }
    }

    private static String metrics() {
        return ManagementInterface.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}; 0 when absent. */
    private static double sample(String metrics, String name, String label) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{([^}]*)})? (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1) == null ? label.isEmpty() : line.group(1).contains(label)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
