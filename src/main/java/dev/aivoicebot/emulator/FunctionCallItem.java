package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.FunctionCallArgumentsDelta;
import dev.aivoicebot.emulator.ServerEvents.FunctionCallArgumentsDone;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.OutputItemPayload;

/**
 * A function call in a response: the {@code function_call} item, its arguments in small deltas, then the arguments
 * whole (also when the response is cancelled: then as far as they got, and the item incomplete).
 */
final class FunctionCallItem implements OutputItem {

    static final int DELTA_CHARS = 16;

    private final SessionConnection session;
    private final Conversation conversation;
    private final ToolCalls calls;
    private final ResponseObjects objects;
    private final ScriptedCall call;
    private final String itemId = Ids.item();
    private final String callId = Ids.call();
    private String responseId;
    private int outputIndex;
    private String previousItemId;
    private int sent;

    FunctionCallItem(SessionConnection session, Conversation conversation, ToolCalls calls, ResponseObjects objects,
            ScriptedCall call) {
        this.session = session;
        this.conversation = conversation;
        this.calls = calls;
        this.objects = objects;
        this.call = call;
    }

    @Override
    public void open(String responseId, int outputIndex) {
        this.responseId = responseId;
        this.outputIndex = outputIndex;
        previousItemId = conversation.addServiceItem(itemId, false);
        calls.called(callId);
        ObjectNode item = objects.functionCall(itemId, callId, call.name(), "", "in_progress");
        session.send("response.output_item.added", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.added", new ItemPayload(previousItemId, item));
    }

    @Override
    public boolean next() {
        String arguments = call.arguments();
        int end = Math.min(sent + DELTA_CHARS, arguments.length());
        if (end < arguments.length() && Character.isHighSurrogate(arguments.charAt(end - 1))) {
            end++;
        }
        session.send("response.function_call_arguments.delta", new FunctionCallArgumentsDelta(responseId, itemId,
                outputIndex, callId, arguments.substring(sent, end)));
        sent = end;
        return sent < arguments.length();
    }

    @Override
    public ObjectNode close(boolean whole) {
        String arguments = text();
        session.send("response.function_call_arguments.done", new FunctionCallArgumentsDone(responseId, itemId,
                outputIndex, callId, call.name(), arguments));
        ObjectNode item = objects.functionCall(itemId, callId, call.name(), arguments,
                whole ? "completed" : "incomplete");
        session.send("response.output_item.done", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.done", new ItemPayload(previousItemId, item));
        return item;
    }

    @Override
    public String text() {
        return call.arguments().substring(0, sent);
    }
}
