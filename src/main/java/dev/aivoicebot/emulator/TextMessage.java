package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.OutputItemPayload;
import dev.aivoicebot.emulator.ServerEvents.TextContentPart;
import dev.aivoicebot.emulator.ServerEvents.TextDelta;
import dev.aivoicebot.emulator.ServerEvents.TextDone;
import dev.aivoicebot.emulator.ServerEvents.TextPart;

/**
 * The text answer of an out-of-band response ({@code conversation: none}): an assistant message streamed in
 * {@code response.output_text.delta} pieces, never added to the conversation (no {@code conversation.item.*}).
 */
final class TextMessage implements OutputItem {

    private static final int DELTA_CHARACTERS = 40;

    private final SessionConnection session;
    private final ResponseObjects objects;
    private final String text;
    private final String itemId = Ids.item();
    private String responseId;
    private int outputIndex;
    private int sent;

    TextMessage(SessionConnection session, ResponseObjects objects, String text) {
        this.session = session;
        this.objects = objects;
        this.text = text;
    }

    @Override
    public void open(String responseId, int outputIndex) {
        this.responseId = responseId;
        this.outputIndex = outputIndex;
        session.send("response.output_item.added", new OutputItemPayload(responseId, outputIndex,
                objects.textItem(itemId, "in_progress", null)));
        session.send("response.content_part.added", new TextContentPart(responseId, itemId, outputIndex, 0,
                new TextPart("text", "")));
    }

    @Override
    public boolean next() {
        int end = Math.min(sent + DELTA_CHARACTERS, text.length());
        if (end > sent) {
            session.send("response.output_text.delta", new TextDelta(responseId, itemId, outputIndex, 0,
                    text.substring(sent, end)));
            sent = end;
        }
        return sent < text.length();
    }

    @Override
    public ObjectNode close(boolean whole) {
        String done = text();
        session.send("response.output_text.done", new TextDone(responseId, itemId, outputIndex, 0, done));
        session.send("response.content_part.done", new TextContentPart(responseId, itemId, outputIndex, 0,
                new TextPart("text", done)));
        ObjectNode item = objects.textItem(itemId, whole ? "completed" : "incomplete", done);
        session.send("response.output_item.done", new OutputItemPayload(responseId, outputIndex, item));
        return item;
    }

    @Override
    public String text() {
        return text.substring(0, sent);
    }
}
