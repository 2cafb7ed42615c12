package dev.aivoicebot.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code response.create} client event; instructions override the session's for this response only. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseCreate(String type, Response response) {

    private static final String TYPE = "response.create";
    /** The server does not answer a tool's output by itself: this asks it to, with the session's settings. */
    public static final ResponseCreate NEXT = new ResponseCreate(TYPE, null);

    public static ResponseCreate withInstructions(String instructions) {
        return new ResponseCreate(TYPE, new Response(instructions, null));
    }

    /**
     * A response that may call no tool: words said while something else happens (a tool runs). It stays in the
     * conversation: an out-of-band one ({@code conversation: none}) would be cleaner, but OpenAI's published
     * schema declares that field as a oneOf that "none" matches twice, so no strict validator accepts it.
     */
    public static ResponseCreate withoutTools(String instructions) {
        return new ResponseCreate(TYPE, new Response(instructions, "none"));
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(String instructions, @JsonProperty("tool_choice") String toolChoice) {
    }
}
