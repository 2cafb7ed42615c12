package dev.aivoicebot.call;

/**
 * The caller's side of a call, as the call needs it: the Twilio Media Stream implements it. Sends are
 * asynchronous and never block.
 */
public interface CallerLine {

    /** Audio toward the caller (base64 μ-law); false when the caller has stopped reading and the line is closing. */
    boolean sendAudio(String base64Payload);

    /** A named mark, echoed by the caller's side once the audio before it has played. */
    void sendMark(String name);

    /** Drops the audio buffered for the caller; every pending mark is echoed. */
    void clear();

    /** Hangs up this side with a WebSocket close code and reason. */
    void close(int code, String reason);
}
