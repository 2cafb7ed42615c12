package dev.aivoicebot.openai;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code conversation.item.create} with a text message: how a new session after a reconnect is told what was
 * said so far (the caller's words as {@code input_text}, the assistant's as {@code output_text}).
 */
@RegisterForReflection
public record ItemCreate(String type, Item item) {

    public static ItemCreate user(String text) {
        return new ItemCreate("conversation.item.create", new Item("message", "user", List.of(new Content("input_text", text))));
    }

    public static ItemCreate assistant(String text) {
        return new ItemCreate("conversation.item.create",
                new Item("message", "assistant", List.of(new Content("output_text", text))));
    }

    @RegisterForReflection
    public record Item(String type, String role, List<Content> content) {
    }

    @RegisterForReflection
    public record Content(String type, String text) {
    }
}
