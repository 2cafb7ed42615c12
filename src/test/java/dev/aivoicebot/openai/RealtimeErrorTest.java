package dev.aivoicebot.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RealtimeErrorTest {

    @Test
    void theSummaryNamesEveryFieldThereIs() {
        assertEquals("invalid_value: Invalid voice. (type invalid_request_error, param session.audio.output.voice, event "
                + "event_123)", new RealtimeError("invalid_request_error", "invalid_value", "Invalid voice.",
                        "session.audio.output.voice", "event_123").summary());
        assertEquals("server_error: The server had an error.",
                new RealtimeError(null, "server_error", "The server had an error.", null, " ").summary());
    }

    @Test
    void everyFieldOfTheSummaryIsCleaned() {
        String hostile = "x\nsk-abcdefghijkl";
        assertEquals("x sk-***: x sk-*** (type x sk-***, param x sk-***, event x sk-***)",
                new RealtimeError(hostile, hostile, hostile, hostile, hostile).summary());
    }
}
