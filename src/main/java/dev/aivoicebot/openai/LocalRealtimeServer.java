package dev.aivoicebot.openai;

/**
 * A Realtime server inside this application that may stand in for OpenAI (the built-in emulator implements it).
 * Declared here so this package needs to know nothing of it: when one answers calls, sessions go to its path on
 * our own port instead of {@code OPENAI_REALTIME_URL}.
 */
public interface LocalRealtimeServer {

    /** Whether calls go to this server rather than to OpenAI. */
    boolean answersCalls();

    /** Its WebSocket path on this application's HTTP port. */
    String path();
}
