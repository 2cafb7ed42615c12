package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.emulator.Conversation.ItemState;
import dev.aivoicebot.emulator.EmulatorSession.Truncation;

/**
 * {@code conversation.item.truncate}: accepted only for assistant audio and only within the audio already
 * sent for that item, as the real service insists; every attempt is recorded for barge-in tests.
 */
final class Truncator {

    private final EmulatorSession session;
    private final Conversation conversation;

    Truncator(EmulatorSession session, Conversation conversation) {
        this.session = session;
        this.conversation = conversation;
    }

    void truncate(JsonNode event) {
        String id = event.path("item_id").asText(null);
        int contentIndex = event.path("content_index").asInt(0);
        long audioEndMs = event.path("audio_end_ms").asLong(-1);
        try {
            ItemState item = check(id, event, audioEndMs);
            session.recording().truncation(new Truncation(id, contentIndex, audioEndMs, true));
            // the real service then clamps the item: later truncations are bounded by this one
            item.audioBytesSent = audioEndMs * MuLaw.BYTES_PER_MS;
            session.send("conversation.item.truncated", new ServerEvents.Truncated(id, contentIndex, audioEndMs));
        } catch (ClientError rejected) {
            session.recording().truncation(new Truncation(id, contentIndex, audioEndMs, false));
            throw rejected;
        }
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
