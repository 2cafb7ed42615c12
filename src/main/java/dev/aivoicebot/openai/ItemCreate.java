package dev.aivoicebot.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code conversation.item.create}: a text message (how a new session after a reconnect is told what was said
 * so far, the caller's words as {@code input_text} and the assistant's as {@code output_text}, and how a key
 * press reaches the model), a tool's answer ({@code function_call_output}), or an answer to an MCP approval
 * request ({@code mcp_approval_response}).
 */
@RegisterForReflection
public record ItemCreate(String type, Item item) {

    private static final String TYPE = "conversation.item.create";

    public static ItemCreate user(String text) {
        return new ItemCreate(TYPE, Item.message("user", new Content("input_text", text)));
    }

    public static ItemCreate assistant(String text) {
        return new ItemCreate(TYPE, Item.message("assistant", new Content("output_text", text)));
    }

    public static ItemCreate functionCallOutput(String callId, String output) {
        return new ItemCreate(TYPE, new Item("function_call_output", null, null, callId, output, null, null, null));
    }

    public static ItemCreate mcpApproval(String id, String approvalRequestId, boolean approve) {
        return new ItemCreate(TYPE, new Item("mcp_approval_response", null, null, null, null, id,
                approvalRequestId, approve));
    }

    /** The text of a message item; null for other items. */
    public String text() {
        return item.content() == null ? null : item.content().get(0).text();
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String type, String role, List<Content> content, @JsonProperty("call_id") String callId,
            String output, String id, @JsonProperty("approval_request_id") String approvalRequestId,
            Boolean approve) {

        static Item message(String role, Content content) {
            return new Item("message", role, List.of(content), null, null, null, null, null);
        }
    }

    @RegisterForReflection
    public record Content(String type, String text) {
    }
}
