package dev.aivoicebot.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.safety.SafeText;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies what went wrong with OpenAI into what our caller should see, relaying OpenAI's own message
 * only where it is safe to.
 */
final class UpstreamFailures {

    private static final int MAX_ERROR_BODY_BYTES = 16 * 1024;
    /** Used when a 429 carries no usable Retry-After; long enough not to invite a hammering retry loop. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamFailures() {
    }

    static SpeechException fromStatus(Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            // OpenAI's message here quotes part of the key, so it is never relayed.
            return new SpeechException(SpeechOutcome.UPSTREAM_AUTH, "speech service rejected the API key");
        }
        String relayed = openAiMessage(response);
        if (status == 429) {
            return SpeechException.retryLater(SpeechOutcome.UPSTREAM_RATE_LIMITED,
                    "speech service is rate limiting this server" + relayed, retryAfterSeconds(response));
        }
        if (status >= 500) {
            return new SpeechException(SpeechOutcome.UPSTREAM_ERROR, "speech service failed (HTTP " + status + ")" + relayed);
        }
        return new SpeechException(SpeechOutcome.UPSTREAM_REJECTED,
                "speech service refused the request (HTTP " + status + ")" + relayed);
    }

    /** A failure to talk to OpenAI at all; a timeout if it came after the read timeout's worth of silence. */
    static SpeechException fromTransport(Throwable failure, boolean silentForReadTimeout) {
        if (silentForReadTimeout || causedByTimeout(failure)) {
            return new SpeechException(SpeechOutcome.UPSTREAM_TIMEOUT, "speech service did not answer in time");
        }
        return new SpeechException(SpeechOutcome.UPSTREAM_ERROR, "the connection to the speech service failed");
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Vert.x reports its timeouts with a class from an internal package, hence the name check.
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Retry-After from OpenAI (seconds, or retry-after-ms), else a default; never below one second. */
    static long retryAfterSeconds(Response response) {
        try {
            String seconds = response.getHeaderString("Retry-After");
            if (seconds != null) {
                return Math.max(1, (long) Math.ceil(Double.parseDouble(seconds.trim())));
            }
            String millis = response.getHeaderString("retry-after-ms");
            if (millis != null) {
                return Math.max(1, (long) Math.ceil(Double.parseDouble(millis.trim()) / 1000));
            }
        } catch (NumberFormatException e) {
            // An HTTP-date or garbage: fall back to the default rather than guess.
        }
        return DEFAULT_RETRY_AFTER_SECONDS;
    }

    /** ": " + OpenAI's {@code error.message}, cleaned and shortened by {@link SafeText}; empty when there is none. */
    private static String openAiMessage(Response response) {
        try (InputStream body = response.readEntity(InputStream.class)) {
            if (body == null) {
                return "";
            }
            JsonNode message = JSON.readTree(body.readNBytes(MAX_ERROR_BODY_BYTES)).path("error").path("message");
            String clean = message.isTextual() ? SafeText.of(message.textValue()) : "";
            return clean.isEmpty() ? "" : ": " + clean;
        } catch (IOException | RuntimeException e) {
            return ""; // Not JSON, truncated, or unreadable: the status says enough.
        }
    }
}
