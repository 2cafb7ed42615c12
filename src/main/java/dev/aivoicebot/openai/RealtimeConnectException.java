package dev.aivoicebot.openai;

/** The Realtime session could not be opened (refused, unreachable, or too slow). */
public class RealtimeConnectException extends RuntimeException {

    public RealtimeConnectException(String message) {
        super("Realtime connect failed: " + message, null, false, false);
    }
}
