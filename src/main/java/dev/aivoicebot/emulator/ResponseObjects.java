package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ResponsePayload;
import java.util.List;

/** The {@code realtime.response} object and the output items a response's events carry. */
final class ResponseObjects {

    private final ObjectMapper json;
    private final SessionSettings settings;
    private final String conversationId = Ids.conversation();

    ResponseObjects(ObjectMapper json, SessionSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    ResponsePayload created(String id) {
        ObjectNode response = response(id, "in_progress");
        response.putArray("output");
        return new ResponsePayload(response);
    }

    /** The assistant message; content stays empty until the transcript is known, as in the real service. */
    ObjectNode item(String itemId, String status, String transcript) {
        ObjectNode item = json.createObjectNode().put("id", itemId).put("object", "realtime.item")
                .put("type", "message").put("status", status).put("role", "assistant");
        var content = item.putArray("content");
        if (transcript != null) {
            content.addObject().put("type", "output_audio").put("transcript", transcript);
        }
        return item;
    }

    ObjectNode functionCall(String itemId, String callId, String name, String arguments, String status) {
        return json.createObjectNode().put("id", itemId).put("object", "realtime.item").put("type", "function_call")
                .put("status", status).put("name", name).put("call_id", callId).put("arguments", arguments);
    }

    /** An {@code mcp_call}; {@code output} stays null until the call completed. */
    ObjectNode mcpCall(String itemId, ScriptedCall call, String arguments, String approvalRequestId, String output) {
        return json.createObjectNode().put("id", itemId).put("type", "mcp_call")
                .put("server_label", call.serverLabel()).put("name", call.name()).put("arguments", arguments)
                .put("approval_request_id", approvalRequestId).put("output", output);
    }

    ObjectNode mcpApprovalRequest(String itemId, ScriptedCall call) {
        return json.createObjectNode().put("id", itemId).put("type", "mcp_approval_request")
                .put("server_label", call.serverLabel()).put("name", call.name()).put("arguments", call.arguments());
    }

    /** {@code text}: all the text the output carries (transcripts, arguments), for the token counts. */
    ResponsePayload done(String id, String status, String reason, List<ObjectNode> output, int audioBytes,
            String text) {
        ObjectNode response = response(id, status);
        if (reason != null) {
            response.putObject("status_details").put("type", status).put("reason", reason);
        }
        response.putArray("output").addAll(output);
        response.set("usage", usage(audioBytes, text));
        return new ResponsePayload(response);
    }

    private ObjectNode response(String id, String status) {
        ObjectNode response = json.createObjectNode().put("object", "realtime.response").put("id", id)
                .put("status", status).put("conversation_id", conversationId);
        response.putArray("output_modalities").add("audio");
        response.put("max_output_tokens", "inf");
        ObjectNode output = response.putObject("audio").putObject("output");
        output.set("format", settings.outputAudio().path("format").deepCopy());
        output.put("voice", settings.voice());
        return response;
    }

    /** Made-up but stable token counts: 20 audio tokens per second, 4 characters per text token. */
    private ObjectNode usage(int audioBytes, String text) {
        int audioTokens = (int) (MuLaw.millis(audioBytes) / 50);
        int textTokens = (text.length() + 3) / 4;
        int inputTokens = (settings.instructions().length() + 3) / 4;
        ObjectNode usage = json.createObjectNode().put("total_tokens", inputTokens + audioTokens + textTokens)
                .put("input_tokens", inputTokens).put("output_tokens", audioTokens + textTokens);
        usage.putObject("input_token_details").put("text_tokens", inputTokens).put("audio_tokens", 0)
                .put("cached_tokens", 0);
        usage.putObject("output_token_details").put("text_tokens", textTokens).put("audio_tokens", audioTokens);
        return usage;
    }
}
