package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ResponsePayload;
import java.util.List;

/** The {@code realtime.response} object and the output items a response's events carry. */
final class ResponseObjects {

    private final ObjectMapper json;
    private final SessionSettings settings;
    private final Conversation conversation;
    private final String conversationId = Ids.conversation();
    /** Tokens of what earlier responses added to the conversation: it is input to every later one. */
    private long contextText;
    private long contextAudio;
    /** What the previous response read: the prefix the next one finds cached. */
    private long lastInputText;
    private long lastInputAudio;

    ResponseObjects(ObjectMapper json, SessionSettings settings, Conversation conversation) {
        this.json = json;
        this.settings = settings;
        this.conversation = conversation;
    }

    /** {@code metadata} (the request's) only for an out-of-band response. */
    ResponsePayload created(String id, JsonNode metadata) {
        ObjectNode response = response(id, "in_progress", metadata);
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

    /** An out-of-band request without metadata gets an empty object back, still telling it apart. */
    JsonNode emptyMetadata() {
        return json.createObjectNode();
    }

    /** The text message of an out-of-band response; content stays empty until the text is known. */
    ObjectNode textItem(String itemId, String status, String text) {
        ObjectNode item = json.createObjectNode().put("id", itemId).put("object", "realtime.item")
                .put("type", "message").put("status", status).put("role", "assistant");
        var content = item.putArray("content");
        if (text != null) {
            content.addObject().put("type", "output_text").put("text", text);
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
            String text, JsonNode metadata) {
        ObjectNode response = response(id, status, metadata);
        if (reason != null) {
            response.putObject("status_details").put("type", status).put("reason", reason);
        }
        response.putArray("output").addAll(output);
        response.set("usage", usage(audioBytes, text, metadata != null));
        return new ResponsePayload(response);
    }

    /**
     * An out-of-band response has no conversation: the real service sends {@code conversation_id: null}, which the
     * published schema (a plain string) does not allow, so it is left out here.
     */
    private ObjectNode response(String id, String status, JsonNode metadata) {
        ObjectNode response = json.createObjectNode().put("object", "realtime.response").put("id", id)
                .put("status", status);
        if (metadata != null) {
            response.set("metadata", metadata);
            response.putArray("output_modalities").add("text");
            response.put("max_output_tokens", "inf");
            return response;
        }
        response.put("conversation_id", conversationId);
        response.putArray("output_modalities").add("audio");
        response.put("max_output_tokens", "inf");
        ObjectNode output = response.putObject("audio").putObject("output");
        output.set("format", settings.outputAudio().path("format").deepCopy());
        output.put("voice", settings.voice());
        return response;
    }

    /**
     * Made-up but plausible token counts, shaped as OpenAI's: assistant audio 20 tokens per second, caller audio 10,
     * 4 characters per text token. Every response reads the instructions and the whole conversation so far; what the
     * previous response read is cached. An out-of-band response reads the conversation but adds nothing to it.
     */
    private ObjectNode usage(int audioBytes, String text, boolean outOfBand) {
        long outAudio = MuLaw.millis(audioBytes) / 50;
        long outText = (text.length() + 3) / 4;
        long inText = (settings.instructions().length() + 3) / 4 + contextText;
        long inAudio = contextAudio + MuLaw.millis((int) Math.min(Integer.MAX_VALUE, conversation.userAudioBytes())) / 100;
        long cachedText = Math.min(lastInputText, inText);
        long cachedAudio = Math.min(lastInputAudio, inAudio);
        lastInputText = inText;
        lastInputAudio = inAudio;
        if (!outOfBand) {
            contextText += outText;
            contextAudio += outAudio;
        }
        ObjectNode usage = json.createObjectNode().put("total_tokens", inText + inAudio + outText + outAudio)
                .put("input_tokens", inText + inAudio).put("output_tokens", outText + outAudio);
        ObjectNode input = usage.putObject("input_token_details").put("text_tokens", inText)
                .put("audio_tokens", inAudio).put("cached_tokens", cachedText + cachedAudio);
        input.putObject("cached_tokens_details").put("text_tokens", cachedText).put("audio_tokens", cachedAudio);
        usage.putObject("output_token_details").put("text_tokens", outText).put("audio_tokens", outAudio);
        return usage;
    }
}
