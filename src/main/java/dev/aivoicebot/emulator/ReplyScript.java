package dev.aivoicebot.emulator;

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
}
