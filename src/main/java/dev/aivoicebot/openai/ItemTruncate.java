package dev.aivoicebot.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code conversation.item.truncate}: tells the model how much of its answer the caller actually heard. */
@RegisterForReflection
public record ItemTruncate(String type, @JsonProperty("item_id") String itemId,
        @JsonProperty("content_index") int contentIndex, @JsonProperty("audio_end_ms") long audioEndMs) {

    public ItemTruncate(String itemId, long audioEndMs) {
        this("conversation.item.truncate", itemId, 0, audioEndMs);
    }
}
