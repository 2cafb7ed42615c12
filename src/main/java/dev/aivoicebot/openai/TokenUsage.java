package dev.aivoicebot.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tokens one response used ({@code response.done}'s {@code response.usage}), or a sum of several. Input counts
 * include the cached tokens, as OpenAI reports them; the cached ones are billed at a lower rate.
 */
public record TokenUsage(long inputText, long inputAudio, long cachedText, long cachedAudio, long outputText,
        long outputAudio) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0, 0);

    /**
     * Reads a {@code usage} object; absent or malformed fields count 0. A {@code cached_tokens} without its
     * text/audio split is counted as text, the cheaper assumption being the wrong one to make about a bill.
     */
    public static TokenUsage of(JsonNode usage) {
        JsonNode input = usage.path("input_token_details");
        JsonNode cached = input.path("cached_tokens_details");
        JsonNode output = usage.path("output_token_details");
        long cachedAudio = count(cached, "audio_tokens");
        long cachedText = cached.has("text_tokens") ? count(cached, "text_tokens")
                : Math.max(0, count(input, "cached_tokens") - cachedAudio);
        long inputText = input.has("text_tokens") ? count(input, "text_tokens")
                : Math.max(0, count(usage, "input_tokens") - count(input, "audio_tokens"));
        long outputText = output.has("text_tokens") ? count(output, "text_tokens")
                : Math.max(0, count(usage, "output_tokens") - count(output, "audio_tokens"));
        return new TokenUsage(inputText, count(input, "audio_tokens"), Math.min(cachedText, inputText),
                Math.min(cachedAudio, count(input, "audio_tokens")), outputText, count(output, "audio_tokens"));
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputText + other.inputText, inputAudio + other.inputAudio,
                cachedText + other.cachedText, cachedAudio + other.cachedAudio, outputText + other.outputText,
                outputAudio + other.outputAudio);
    }

    public long inputTokens() {
        return inputText + inputAudio;
    }

    public long cachedTokens() {
        return cachedText + cachedAudio;
    }

    public long outputTokens() {
        return outputText + outputAudio;
    }

    private static long count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() && value.asLong() > 0 ? value.asLong() : 0;
    }
}
