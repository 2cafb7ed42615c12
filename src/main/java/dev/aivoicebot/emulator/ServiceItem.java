package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.OutputItemPayload;

/**
 * A tool item of a response (a function call, an MCP call or approval request): added to the response and to the
 * conversation when it opens, and announced as done to both when it closes.
 */
abstract class ServiceItem implements OutputItem {

    final SessionConnection session;
    final ResponseObjects objects;
    final ScriptedCall call;
    final String itemId = Ids.item();
    String responseId;
    int outputIndex;
    private final Conversation conversation;
    private String previousItemId;

    ServiceItem(SessionConnection session, Conversation conversation, ResponseObjects objects, ScriptedCall call) {
        this.session = session;
        this.conversation = conversation;
        this.objects = objects;
        this.call = call;
    }

    @Override
    public final void open(String responseId, int outputIndex) {
        this.responseId = responseId;
        this.outputIndex = outputIndex;
        previousItemId = conversation.addServiceItem(itemId, false);
        ObjectNode item = opening();
        session.send("response.output_item.added", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.added", new ItemPayload(previousItemId, item));
    }

    /** The item as it opens; its ids are set by then. */
    abstract ObjectNode opening();

    /** Announces {@code item} as done to the response and the conversation, and returns it. */
    final ObjectNode done(ObjectNode item) {
        session.send("response.output_item.done", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.done", new ItemPayload(previousItemId, item));
        return item;
    }
}
