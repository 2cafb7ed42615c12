package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import java.util.HashMap;
import java.util.Map;

/**
 * The default conversation of a session: which items exist, how much audio each assistant item has sent
 * (the bound for truncation), and the user input not yet answered by a response, with the scripted-call
 * trigger it carries (the caller's Nth turn, or a key press reported as text).
 */
final class Conversation {

    /** User input since the last response: committed audio (echoed back) and/or typed text, and its trigger. */
    record PendingInput(byte[] audio, String text, Trigger trigger) {
    }

    /** Per item, what truncate needs: whether it is assistant audio and how many bytes were sent. */
    static final class ItemState {
        final boolean assistantAudio;
        long audioBytesSent;

        ItemState(boolean assistantAudio) {
            this.assistantAudio = assistantAudio;
        }
    }

    private final SessionConnection session;
    private final ObjectMapper json;
    private final ToolCalls calls;
    private final Map<String, ItemState> items = new HashMap<>();
    private String lastItemId;
    private int callerTurns;
    private long userAudioBytes;
    private byte[] pendingAudio;
    private String pendingText;
    private Trigger pendingTrigger;

    Conversation(SessionConnection session, ObjectMapper json, ToolCalls calls) {
        this.session = session;
        this.json = json;
        this.calls = calls;
    }

    /** Caller turns so far (committed audio), for the out-of-band answers' account of the call. */
    int callerTurns() {
        return callerTurns;
    }

    /** Bytes of caller audio the conversation holds, for the token counts. */
    long userAudioBytes() {
        return userAudioBytes;
    }

    String lastItemId() {
        return lastItemId;
    }

    /** A user item made by committing the input audio buffer. */
    void addUserAudio(String itemId, byte[] audio) {
        ObjectNode item = json.createObjectNode().put("id", itemId).put("object", "realtime.item")
                .put("type", "message").put("status", "completed").put("role", "user");
        item.putArray("content").addObject().put("type", "input_audio");
        announce(itemId, item, new ItemState(false));
        pendingAudio = audio;
        userAudioBytes += audio.length;
        pendingTrigger = Trigger.turn(++callerTurns);
    }

    /**
     * {@code conversation.item.create}: any item type is accepted and acknowledged as the real service does; an item
     * answering a tool call must name a call of this conversation.
     */
    void create(JsonNode event) {
        JsonNode requested = event.get("item");
        if (requested == null || !requested.isObject()) {
            throw ClientError.missing("item");
        }
        String previous = event.path("previous_item_id").asText(null);
        if (previous != null && !"root".equals(previous) && !items.containsKey(previous)) {
            throw ClientError.invalidValue("Item with id '" + previous + "' not found.", "previous_item_id");
        }
        ObjectNode item = ((ObjectNode) requested).deepCopy();
        String id = item.path("id").asText(Ids.item());
        if (items.containsKey(id)) {
            throw ClientError.invalidValue("Item with id '" + id + "' already exists.", "item.id");
        }
        item.put("id", id).put("object", "realtime.item");
        if (!item.has("status")) {
            item.put("status", "completed");
        }
        calls.accept(item);
        announce(id, item, new ItemState(false));
        if ("user".equals(item.path("role").asText())) {
            item.path("content").forEach(part -> {
                if (part.has("text")) {
                    pendingText = part.get("text").asText();
                    Trigger pressed = Trigger.fromUserText(pendingText);
                    pendingTrigger = pressed != null ? pressed : pendingTrigger;
                }
            });
        }
    }

    void delete(JsonNode event) {
        String id = event.path("item_id").asText(null);
        if (id == null) {
            throw ClientError.missing("item_id");
        }
        if (items.remove(id) == null) {
            throw ClientError.invalidValue("Item with item_id '" + id + "' not found.", "item_id");
        }
        session.send("conversation.item.deleted", new ServerEvents.ItemRef(id));
    }

    /** The item with this id, or null. */
    ItemState item(String id) {
        return items.get(id);
    }

    /** Registers an item the service adds (its announcement is the caller's); returns the id of the item before it. */
    String addServiceItem(String itemId, boolean assistantAudio) {
        String previous = lastItemId;
        items.put(itemId, new ItemState(assistantAudio));
        lastItemId = itemId;
        return previous;
    }

    void audioSent(String itemId, int bytes) {
        ItemState item = items.get(itemId);
        if (item != null) {
            item.audioBytesSent += bytes;
        }
    }

    /** The unanswered user input, handed to a new response and forgotten here. */
    PendingInput takePending() {
        PendingInput input = new PendingInput(pendingAudio, pendingText, pendingTrigger);
        pendingAudio = null;
        pendingText = null;
        pendingTrigger = null;
        return input;
    }

    private void announce(String id, ObjectNode item, ItemState state) {
        String previous = lastItemId;
        items.put(id, state);
        lastItemId = id;
        session.send("conversation.item.added", new ItemPayload(previous, item));
        session.send("conversation.item.done", new ItemPayload(previous, item));
    }
}
