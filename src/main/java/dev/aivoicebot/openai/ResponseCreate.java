package dev.aivoicebot.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** The {@code response.create} client event; instructions override the session's for this response only. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseCreate(String type, Response response) {

    private static final String TYPE = "response.create";
    /** The server does not answer a tool's output by itself: this asks it to, with the session's settings. */
    public static final ResponseCreate NEXT = new ResponseCreate(TYPE, null);

    public static ResponseCreate withInstructions(String instructions) {
        return new ResponseCreate(TYPE, new Response(instructions, null, null, null, null));
    }

    /**
     * A response that may call no tool: words said while something else happens (a tool runs). It stays in the
     * conversation, so the model knows what the caller heard.
     */
    public static ResponseCreate withoutTools(String instructions) {
        return new ResponseCreate(TYPE, new Response(instructions, "none", null, null, null));
    }

    /**
     * An out-of-band text response ({@code conversation: none}): the model reads the conversation so far (cached
     * tokens, mostly) and answers {@code instructions} in text, which is not added to the conversation. The
     * {@code metadata} comes back in its {@code response.done}, which is how the answer is told apart.
     */
    public static ResponseCreate outOfBand(String instructions, Map<String, String> metadata) {
        return new ResponseCreate(TYPE, new Response(instructions, "none", "none", List.of("text"), metadata));
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(String instructions, @JsonProperty("tool_choice") String toolChoice, String conversation,
            @JsonProperty("output_modalities") List<String> outputModalities, Map<String, String> metadata) {
    }
}
