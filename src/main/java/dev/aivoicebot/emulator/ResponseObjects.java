package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ResponsePayload;

/** The {@code realtime.response} and assistant {@code realtime.item} objects a response's events carry. */
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

    ResponsePayload done(String id, String status, String reason, ObjectNode item, int audioBytes, String spoken) {
        ObjectNode response = response(id, status);
        if (reason != null) {
            response.putObject("status_details").put("type", status).put("reason", reason);
        }
        response.putArray("output").add(item);
        response.set("usage", usage(audioBytes, spoken));
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
    private ObjectNode usage(int audioBytes, String spoken) {
        int audioTokens = (int) (MuLaw.millis(audioBytes) / 50);
        int textTokens = (spoken.length() + 3) / 4;
        int inputTokens = (settings.instructions().length() + 3) / 4;
        ObjectNode usage = json.createObjectNode().put("total_tokens", inputTokens + audioTokens + textTokens)
                .put("input_tokens", inputTokens).put("output_tokens", audioTokens + textTokens);
        usage.putObject("input_token_details").put("text_tokens", inputTokens).put("audio_tokens", 0)
                .put("cached_tokens", 0);
        usage.putObject("output_token_details").put("text_tokens", textTokens).put("audio_tokens", audioTokens);
        return usage;
    }
}
