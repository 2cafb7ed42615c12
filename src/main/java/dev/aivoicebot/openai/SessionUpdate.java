package dev.aivoicebot.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The GA {@code session.update} client event, as records so the wire shape is visible in one place. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionUpdate(String type, Session session) {

    public SessionUpdate(Session session) {
        this("session.update", session);
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code tools}: function and MCP tool declarations as the registry renders them; omitted when empty. */
    public record Session(String type, String model, @JsonProperty("output_modalities") List<String> outputModalities,
            String instructions, Audio audio, List<Object> tools, @JsonProperty("tool_choice") String toolChoice) {
    }

    @RegisterForReflection
    public record Audio(Input input, Output output) {
    }

    @RegisterForReflection
    public record Input(Format format, @JsonProperty("turn_detection") TurnDetection turnDetection,
            Transcription transcription) {
    }

    @RegisterForReflection
    public record Output(Format format, String voice) {
    }

    /** μ-law 8 kHz both ways: Twilio's payloads pass through without decoding or resampling. */
    @RegisterForReflection
    public record Format(String type) {
        public static final Format PCMU = new Format("audio/pcmu");
    }

    @RegisterForReflection
    public record TurnDetection(String type, @JsonProperty("silence_duration_ms") int silenceDurationMs,
            @JsonProperty("prefix_padding_ms") int prefixPaddingMs, double threshold,
            @JsonProperty("create_response") boolean createResponse,
            @JsonProperty("interrupt_response") boolean interruptResponse) {
    }

    /** {@code language}: ISO-639-1 code of what the caller speaks; omitted (the model guesses) when null. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transcription(String model, String language) {
    }
}
