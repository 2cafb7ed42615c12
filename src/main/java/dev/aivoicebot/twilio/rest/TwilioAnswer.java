package dev.aivoicebot.twilio.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.safety.SafeText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * What Twilio's answer to a call update means, described for one log line and the transcript: what Twilio said
 * passes {@link SafeText}, and a failed exchange is named by its kind, never by a stack trace. Twilio's errors
 * are JSON: {@code {"code": 20404, "message": "…", "more_info": "…", "status": 404}}.
 */
record TwilioAnswer(Kind kind, String description) {

    enum Kind {
        DONE,
        /** 404 with code 20404: the call had ended already (the caller hung up meanwhile). */
        ALREADY_ENDED,
        FAILED
    }

    static final int NOT_FOUND_CODE = 20404;

    static TwilioAnswer of(int status, String body, ObjectMapper json) {
        if (status / 100 == 2) {
            return new TwilioAnswer(Kind.DONE, "HTTP " + status);
        }
        JsonNode error = parse(body, json);
        int code = error.path("code").asInt(0);
        if (status == 404 && code == NOT_FOUND_CODE) {
            return new TwilioAnswer(Kind.ALREADY_ENDED, "the call had already ended (Twilio error " + code + ")");
        }
        StringBuilder text = new StringBuilder("Twilio answered HTTP ").append(status);
        if (code != 0) {
            text.append(" (error ").append(code);
            String message = SafeText.of(error.path("message").asText(""));
            if (!message.isEmpty()) {
                text.append(": ").append(message);
            }
            text.append(')');
        }
        if (status == 401 || status == 403) {
            text.append("; check TWILIO_ACCOUNT_SID and the API key or auth token");
        }
        return new TwilioAnswer(Kind.FAILED, text.toString());
    }

    static TwilioAnswer of(Throwable failure, Duration timeout) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) { // 20: an end to a cycle
            if (cause instanceof TimeoutException) {
                return new TwilioAnswer(Kind.FAILED, "Twilio did not answer within " + seconds(timeout));
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return new TwilioAnswer(Kind.FAILED, "Twilio could not be reached (" + cause.getClass().getSimpleName()
                        + ")");
            }
        }
        return new TwilioAnswer(Kind.FAILED, "the request to Twilio failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : json.readTree(body);
            return node == null ? json.missingNode() : node;
        } catch (IOException e) {
            return json.missingNode(); // a proxy's HTML page, say: the status alone tells what happened
        }
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
