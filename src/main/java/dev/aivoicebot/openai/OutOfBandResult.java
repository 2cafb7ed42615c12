package dev.aivoicebot.openai;

/**
 * The end of an out-of-band response ({@code conversation: none}): which request it answers (its metadata's
 * {@code purpose}), its status, and the text it produced ("" when none).
 */
public record OutOfBandResult(String purpose, String status, String text) {

    public boolean completed() {
        return "completed".equals(status);
    }
}
