package dev.aivoicebot.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code response.create} client event; instructions override the session's for this response only. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseCreate(String type, Response response) {

    public static ResponseCreate withInstructions(String instructions) {
        return new ResponseCreate("response.create", new Response(instructions));
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(String instructions) {
    }
}
