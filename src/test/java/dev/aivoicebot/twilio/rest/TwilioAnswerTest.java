package dev.aivoicebot.twilio.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.twilio.rest.TwilioAnswer.Kind;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TwilioAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUpdatedCallIsDoneAndOneThatHadEndedIsNoFailure() {
        assertEquals(Kind.DONE, TwilioAnswer.of(200, "{\"sid\":\"CA1\",\"status\":\"completed\"}", JSON).kind());
        assertEquals(new TwilioAnswer(Kind.ALREADY_ENDED, "the call had already ended (Twilio error 20404)"),
                TwilioAnswer.of(404, error(20404, "The requested resource /x was not found", 404), JSON));
    }

    @Test
    void failuresNameTheStatusAndTwiliosErrorCode() {
        assertEquals("Twilio answered HTTP 401 (error 20003: Authenticate); check TWILIO_ACCOUNT_SID and the API key "
                + "or auth token", TwilioAnswer.of(401, error(20003, "Authenticate", 401), JSON).description());
        assertEquals("Twilio answered HTTP 429 (error 20429: Too Many Requests)",
                TwilioAnswer.of(429, error(20429, "Too Many Requests", 429), JSON).description());
        assertEquals(new TwilioAnswer(Kind.FAILED, "Twilio answered HTTP 404 (error 20001: Other)"),
                TwilioAnswer.of(404, error(20001, "Other", 404), JSON), "only 20404 means the call had ended");
        assertEquals("Twilio answered HTTP 502", TwilioAnswer.of(502, "<html>Bad gateway</html>", JSON).description());
        assertEquals("Twilio answered HTTP 503", TwilioAnswer.of(503, "", JSON).description());
    }

    @Test
    void whatTwilioSaysIsCleaned() {
        String answer = TwilioAnswer.of(500, error(20500, "line one\nforged line sk-abcdefghijklmnop1234", 500), JSON)
                .description();
        assertFalse(answer.contains("\n") || answer.contains("sk-abcdefghijklmnop1234"), answer);
    }

    @Test
    void aFailedExchangeIsNamedByItsKind() {
        assertEquals("Twilio did not answer within 5 s", TwilioAnswer.of(new ProcessingException(
                new NoStackTraceTimeoutException("The timeout period of 5000ms has been exceeded")), Duration.ofSeconds(5))
                .description());
        assertEquals("Twilio did not answer within 1500 ms", TwilioAnswer.of(new NoStackTraceTimeoutException("t"),
                Duration.ofMillis(1500)).description());
        assertEquals("Twilio could not be reached (ConnectException)", TwilioAnswer.of(new ProcessingException(
                new ConnectException("Connection refused: /127.0.0.1:1")), Duration.ofSeconds(5)).description());
        assertEquals("the request to Twilio failed (IllegalStateException)",
                TwilioAnswer.of(new IllegalStateException("boom"), Duration.ofSeconds(5)).description());
    }

    private static String error(int code, String message, int status) {
        return JSON.createObjectNode().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status).toString();
    }
}
