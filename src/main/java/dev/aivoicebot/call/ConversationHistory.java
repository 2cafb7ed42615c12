package dev.aivoicebot.call;

import dev.aivoicebot.openai.ItemCreate;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What was said in a call, as text: replayed into a new Realtime session after a reconnect so the assistant
 * keeps the thread. Bounded to the most recent turns, which also bounds what a reconnect costs.
 */
final class ConversationHistory {

    static final int MAX_TURNS = 40;

    private final ArrayDeque<ItemCreate> turns = new ArrayDeque<>();
    private String lastCallerWords = "";

    /** Starts from what was said before (a caller back from a transfer nobody answered). */
    void restore(List<ItemCreate> earlier) {
        earlier.forEach(this::add);
    }

    void caller(String text) {
        add(ItemCreate.user(text));
        if (text != null && !text.isBlank()) {
            lastCallerWords = text;
        }
    }

    /** What the caller said last; empty before they have spoken. */
    String lastCallerWords() {
        return lastCallerWords;
    }

    void assistant(String text) {
        add(ItemCreate.assistant(text));
    }

    List<ItemCreate> items() {
        return List.copyOf(turns);
    }

    private void add(ItemCreate item) {
        if (item.text() == null || item.text().isBlank()) {
            return;
        }
        if (turns.size() == MAX_TURNS) {
            turns.removeFirst();
        }
        turns.addLast(item);
    }
}
