package dev.aivoicebot.emulator;

import java.util.List;

/**
 * The words the emulator "hears" and "says". Deterministic by default ({@link DefaultReplyScript});
 * a test can replace it with its own {@code @Alternative} bean to script a conversation.
 */
public interface ReplyScript {

    /** Transcript of a committed user utterance (μ-law 8 kHz). */
    String transcribe(byte[] userAudio);

    /** Transcript of the reply that plays the user's utterance back. */
    String echoTranscript(byte[] userAudio);

    /** Transcript of a reply generated from instructions alone, such as a greeting. */
    String greetingTranscript(String instructions);

    /** Transcript of a reply to tool results: function outputs and MCP results, and how many calls were declined. */
    String toolReplyTranscript(List<String> results, int declinedCalls);
}
