package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.emulator.Conversation.ItemState;

/**
 * {@code conversation.item.truncate}: accepted only for assistant audio and only within the audio already
 * sent for that item, as the real service insists.
 */
final class Truncator {

    private final SessionConnection session;
    private final Conversation conversation;

    Truncator(SessionConnection session, Conversation conversation) {
        this.session = session;
        this.conversation = conversation;
    }

    void truncate(JsonNode event) {
        String id = event.path("item_id").asText(null);
        long audioEndMs = event.path("audio_end_ms").asLong(-1);
        ItemState item = check(id, event, audioEndMs);
        // the real service then clamps the item: later truncations are bounded by this one
        item.audioBytesSent = audioEndMs * MuLaw.BYTES_PER_MS;
        session.send("conversation.item.truncated", new ServerEvents.Truncated(id, 0, audioEndMs));
    }

    private ItemState check(String id, JsonNode event, long audioEndMs) {
        if (id == null) {
            throw ClientError.missing("item_id");
        }
        if (!event.path("audio_end_ms").isIntegralNumber() || audioEndMs < 0) {
            throw ClientError.invalidValue("audio_end_ms must be a non-negative integer.", "audio_end_ms");
        }
        ItemState item = conversation.item(id);
        if (item == null) {
            throw ClientError.invalidValue("Item with item_id '" + id + "' not found.", "item_id");
        }
        if (!item.assistantAudio || item.audioBytesSent == 0) {
            throw ClientError.invalidValue("Only model output audio messages can be truncated", "item_id");
        }
        if (event.path("content_index").asInt(-1) != 0) {
            throw ClientError.invalidValue("content_index must be 0.", "content_index");
        }
        long sentMs = MuLaw.millis(item.audioBytesSent);
        if (audioEndMs > sentMs) {
            throw ClientError.invalidValue("Audio content of " + sentMs + "ms is already shorter than "
                    + audioEndMs + "ms", "audio_end_ms");
        }
        return item;
    }
}
