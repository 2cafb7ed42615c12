package dev.aivoicebot.emulator;

/**
 * Sees every client event the emulator receives, before it is handled. Production has no such bean;
 * tests add one, e.g. to validate each event against OpenAI's published schemas.
 */
public interface ClientEventInspector {

    /** {@code rawJson} is the text frame exactly as received; must not throw or block. */
    void inspect(String sessionId, String rawJson);
}
