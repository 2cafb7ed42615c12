package dev.aivoicebot.bench.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The GA server events the fake sends, shaped after OpenAI's schemas (src/test/resources/openai-realtime-schemas.json). Only the audio
 * delta is built by hand: it is the one sent many times a second per call.
 */
final class ServerEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private ServerEvents() {
    }

    static ObjectNode event(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        node.put("event_id", Ids.of("event"));
        return node;
    }

    static ObjectNode session(String id, String model, ObjectNode requested) {
        ObjectNode session = requested == null ? JSON.createObjectNode() : requested.deepCopy();
        session.put("type", "realtime");
        session.put("object", "realtime.session");
        session.put("id", id);
        session.put("model", model);
        if (!session.has("output_modalities")) {
            session.putArray("output_modalities").add("audio");
        }
        session.put("expires_at", System.currentTimeMillis() / 1000 + 3600);
        return session;
    }

    static ObjectNode response(String id, String status) {
        ObjectNode response = JSON.createObjectNode();
        response.put("object", "realtime.response");
        response.put("id", id);
        response.put("status", status);
        response.putArray("output_modalities").add("audio");
        response.putArray("output");
        response.putNull("usage");
        return response;
    }

    static ObjectNode item(String id, String role, String status) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("object", "realtime.item");
        item.put("type", "message");
        item.put("status", status);
        item.put("role", role);
        item.putArray("content");
        return item;
    }

    static ObjectNode functionCall(String id, String callId, String name, String arguments, String status) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", id);
        item.put("object", "realtime.item");
        item.put("type", "function_call");
        item.put("status", status);
        item.put("call_id", callId);
        item.put("name", name);
        item.put("arguments", arguments);
        return item;
    }

    static ObjectNode error(String type, String code, String message, String clientEventId) {
        ObjectNode event = event("error");
        ObjectNode error = event.putObject("error");
        error.put("type", type);
        error.put("code", code);
        error.put("message", message);
        error.putNull("param");
        if (clientEventId == null) {
            error.putNull("event_id");
        } else {
            error.put("event_id", clientEventId);
        }
        return event;
    }

    static String audioDelta(String responseId, String itemId, String base64) {
        return "{\"type\":\"response.output_audio.delta\",\"event_id\":\"" + Ids.of("event") + "\",\"response_id\":\""
                + responseId + "\",\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,\"delta\":\""
                + base64 + "\"}";
    }
}
