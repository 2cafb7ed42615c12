package dev.aivoicebot.speech;

/**
 * A request to {@code /generate-voice} that passed validation: text trimmed and within limits, voice and
 * format resolved. {@code instructions} and {@code speed} are null when the caller left them out.
 */
record SpeechRequest(String text, SpeechVoice voice, AudioFormat format, String instructions, Double speed) {
}
